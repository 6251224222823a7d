package dev.eventsunbundled.app;

import dev.eventsunbundled.shell.Functions;
import graphql.schema.idl.RuntimeWiring;
import java.util.Optional;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * A business process registered once: the functions it brings and, optionally, its part of the API (a GraphQL
 * schema part with its data fetchers, REST routes). The node's HTTP, GraphQL, health and error plumbing is generic
 * over the registered processes.
 */
public interface HostedProcess {

  /** Its handlers, projectors and resolvers. */
  Functions functions();

  /**
   * Its part of the GraphQL schema (SDL): its own types, and its fields as {@code extend type Query { … }} and
   * {@code extend type Mutation { … }}. Empty for none.
   */
  default String graphQlSchema() {
    return "";
  }

  /** Wires the data fetchers of its schema part; {@code calls} asks the shell with the API's errors and timeout. */
  default void wire(RuntimeWiring.Builder wiring, ApiCalls calls) {}

  /** Its REST routes for one request (correlation id {@code cid}, sent by {@code caller}); none by default. */
  default Optional<Route> routes(ApiCalls calls, String cid, Caller caller) {
    return Optional.empty();
  }
}
