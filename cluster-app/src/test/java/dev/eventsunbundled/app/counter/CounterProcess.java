package dev.eventsunbundled.app.counter;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.eventsunbundled.app.ApiCalls;
import dev.eventsunbundled.app.Caller;
import dev.eventsunbundled.app.HostedProcess;
import dev.eventsunbundled.app.Json;
import dev.eventsunbundled.app.counter.Counting.Increment;
import dev.eventsunbundled.shell.Functions;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** The counter process as the app hosts it: its functions, a GraphQL part and REST routes, registered once. */
public final class CounterProcess implements HostedProcess {

  /** The body of {@code POST /counters/{id}/increments}. */
  record IncrementRequest(Integer by) {}

  private final IncrementResolver increment = new IncrementResolver();

  @Override
  public Functions functions() {
    return new Functions(List.of(new CountHandler()), List.of(new CounterProjector()), List.of(increment));
  }

  @Override
  public String graphQlSchema() {
    return """
        type Counter { id: ID!  total: Int }
        extend type Query { Counter(id: ID!): Counter }
        extend type Mutation { Increment(counter: ID!, by: Int): Counter }
        """;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring, ApiCalls calls) {
    wiring.type("Query", type -> type.dataFetcher("Counter", env -> calls.field(env,
            () -> calls.gateway().row(CounterProjector.VIEW, env.<String>getArgument("id")).thenApply(r -> r.orElse(null)))))
        .type("Mutation", type -> type.dataFetcher("Increment", env -> calls.field(env, () -> calls.gateway().resolve(
            increment, new Increment(env.getArgument("counter"), env.getArgument("by")), ApiCalls.correlationId(env),
            ApiCalls.caller(env).name()))));
  }

  @Override
  public Optional<Route> routes(ApiCalls calls, String cid, Caller caller) {
    return Optional.of(pathPrefix("counters", () -> pathPrefix(PathMatchers.segment(), id -> concat(
        pathEnd(() -> get(() -> calls.respond(cid, () -> calls.gateway().row(CounterProjector.VIEW, id),
            row -> ApiCalls.found(row, "No counter " + id, cid)))),
        path("increments", () -> post(() -> entity(Json.body(IncrementRequest.class), body -> calls.respond(cid,
            () -> calls.gateway().resolve(increment, new Increment(id, body == null ? null : body.by()), cid,
                caller.name()),
            Json::ok))))))));
  }
}
