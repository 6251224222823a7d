package dev.eventsunbundled.app;

import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.shell.Gateway;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** GraphQL for customers: the schema (graphql/customer.graphqls), its fetchers, limits and document cache. */
public final class GraphQlApi {

  static final String CORRELATION_ID = "correlationId";
  private static final String SCHEMA = "/graphql/customer.graphqls";

  private final GraphQL graphQl;

  public GraphQlApi(HttpSettings settings, Gateway gateway, InviteCustomerResolver invite) {
    CustomerFetchers fetchers = new CustomerFetchers(gateway, invite, settings.requestTimeout());
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
        .type("Query", type -> type
            .dataFetcher("Customer", fetchers::byId)
            .dataFetcher("CustomerByEmail", fetchers::byEmail))
        .type("Mutation", type -> type.dataFetcher("InviteCustomer", fetchers::invite))
        .build();
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaText()), wiring);
    this.graphQl = GraphQL.newGraphQL(schema)
        .preparsedDocumentProvider(new DocumentCache(settings.documentCacheSize()))
        .instrumentation(new ChainedInstrumentation(List.of(
            new MaxQueryDepthInstrumentation(settings.maxDepth()),
            new MaxQueryComplexityInstrumentation(settings.maxComplexity()))))
        .build();
    warmUp();
  }

  /** Runs a trivial query once, so the engine's first-use costs (about half a second) are not the first caller's. */
  private void warmUp() {
    graphQl.execute(ExecutionInput.newExecutionInput("query WarmUp { __typename }").build());
  }

  /** Executes a request; completes with the GraphQL response (data, errors) as a JSON-ready map. */
  public CompletableFuture<Map<String, Object>> execute(GraphQlRequest request, String cid) {
    ExecutionInput input = ExecutionInput.newExecutionInput(request.query())
        .operationName(request.operationName())
        .variables(request.variables() == null ? Map.of() : request.variables())
        .graphQLContext(Map.of(CORRELATION_ID, cid))
        .build();
    return graphQl.executeAsync(input).thenApply(result -> withCorrelationId(result.toSpecification(), cid));
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

  private static String schemaText() {
    try (InputStream in = Objects.requireNonNull(GraphQlApi.class.getResourceAsStream(SCHEMA), SCHEMA)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
