package dev.eventsunbundled.app;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** GraphQL over the registered processes: their schema parts merged, their fetchers, limits and document cache. */
public final class GraphQlApi {

  static final String CORRELATION_ID = "correlationId";
  private static final List<String> ROOTS = List.of("Query", "Mutation");

  private final GraphQL graphQl;
  private final Duration deadline;

  public GraphQlApi(HttpSettings settings, ApiCalls calls, List<HostedProcess> processes, CallerAccess access) {
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
    processes.forEach(process -> process.wire(wiring, calls));
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(schema(processes), wiring.build());
    this.graphQl = GraphQL.newGraphQL(schema)
        .preparsedDocumentProvider(new DocumentCache(settings.documentCacheBytes()))
        .instrumentation(new ChainedInstrumentation(List.of(
            new MutationLimit(settings.maxMutations()),
            access,
            new MaxQueryDepthInstrumentation(settings.maxDepth()),
            new MaxQueryComplexityInstrumentation(settings.maxComplexity()))))
        .build();
    this.deadline = settings.requestTimeout();
    warmUp(access);
  }

  /** Runs a trivial query once, so the engine's first-use costs (about half a second) are not the first caller's. */
  private void warmUp(CallerAccess access) {
    graphQl.execute(ExecutionInput.newExecutionInput("query WarmUp { __typename }")
        .graphQLContext(Map.of(CallerAccess.CALLER, access.warmUpCaller())).build());
  }

  /**
   * Executes a request; completes with the GraphQL response (data, errors) as a JSON-ready map, or fails with a
   * timeout when the whole request takes longer than the API's request timeout.
   */
  public CompletableFuture<Map<String, Object>> execute(GraphQlRequest request, String cid, Caller caller) {
    ExecutionInput input = ExecutionInput.newExecutionInput(request.query())
        .operationName(request.operationName())
        .variables(request.variables() == null ? Map.of() : request.variables())
        .graphQLContext(Map.of(CORRELATION_ID, cid, CallerAccess.CALLER, caller))
        .build();
    return Futures.within(graphQl.executeAsync(input), deadline)
        .thenApply(result -> withCorrelationId(result.toSpecification(), cid));
  }

  private static Map<String, Object> withCorrelationId(Map<String, Object> response, String cid) {
    if (!(response.get("errors") instanceof List<?> errors)) {
      return response;
    }
    Map<String, Object> tagged = new LinkedHashMap<>(response);
    tagged.put("errors", errors.stream().map(error -> tagged(error, cid)).toList());
    return tagged;
  }

  private static Object tagged(Object error, String cid) {
    if (!(error instanceof Map<?, ?> fields)) {
      return error;
    }
    Map<Object, Object> copy = new LinkedHashMap<>(fields);
    Map<Object, Object> extensions = new LinkedHashMap<>();
    if (fields.get("extensions") instanceof Map<?, ?> existing) {
      extensions.putAll(existing);
    }
    extensions.put(CORRELATION_ID, cid);
    copy.put("extensions", extensions);
    return copy;
  }

  /** The processes' parts, with the root types their {@code extend type} lines need (a query root always). */
  private static TypeDefinitionRegistry schema(List<HostedProcess> processes) {
    SchemaParser parser = new SchemaParser();
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    processes.stream().map(HostedProcess::graphQlSchema).filter(part -> !part.isBlank())
        .forEach(part -> registry.merge(parser.parse(part)));
    for (String root : ROOTS) {
      if (registry.getType(root).isEmpty() && registry.objectTypeExtensions().containsKey(root)) {
        registry.merge(parser.parse("type " + root));
      }
    }
    if (registry.getType("Query").isEmpty()) {
      throw new IllegalStateException("No registered process adds a GraphQL query field (extend type Query { … })");
    }
    return registry;
  }

  /** A schema part shipped as a resource next to the process's class. */
  public static String resource(Class<?> owner, String name) {
    try (InputStream in = Objects.requireNonNull(owner.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
