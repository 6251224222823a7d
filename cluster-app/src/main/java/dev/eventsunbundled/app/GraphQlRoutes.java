package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** GraphQL over HTTP: {@code POST /graphql} and {@code POST /} with a JSON body {query, variables, operationName}. */
final class GraphQlRoutes {

  private final GraphQlApi api;

  GraphQlRoutes(GraphQlApi api) {
    this.api = api;
  }

  Route route(String cid, Caller caller) {
    return concat(
        path("graphql", () -> post(() -> execute(cid, caller))),
        pathSingleSlash(() -> post(() -> execute(cid, caller))));
  }

  private Route execute(String cid, Caller caller) {
    return entity(Json.body(GraphQlRequest.class), request -> {
      if (request == null || request.query() == null || request.query().isBlank()) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, "A GraphQL request needs a non-empty 'query'", cid));
      }
      return completeWithFuture(api.execute(request, cid, caller)
          .thenApply(Json::ok)
          .exceptionally(failure -> ApiErrors.failure(failure, cid)));
    });
  }
}
