package dev.eventsunbundled.app.customer;

import dev.eventsunbundled.app.ApiCalls;
import dev.eventsunbundled.app.EventEntry;
import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.Email;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The customer process's GraphQL fields: each asks the gateway and answers asynchronously, never blocking. */
final class CustomerFetchers {

  private final ApiCalls calls;
  private final InviteCustomerResolver invite;

  private CustomerFetchers(ApiCalls calls, InviteCustomerResolver invite) {
    this.calls = calls;
    this.invite = invite;
  }

  static void wire(RuntimeWiring.Builder wiring, ApiCalls calls, InviteCustomerResolver invite) {
    CustomerFetchers fetchers = new CustomerFetchers(calls, invite);
    wiring.type("Query", type -> type
            .dataFetcher("Customer", fetchers::byId)
            .dataFetcher("CustomerByEmail", fetchers::byEmail)
            .dataFetcher("CustomerHistory", fetchers::history))
        .type("CustomerEvent", type -> type.dataFetcher("data", env -> env.<EventEntry>getSource().dataJson()))
        .type("Mutation", type -> type.dataFetcher("InviteCustomer", fetchers::invite));
  }

  CompletableFuture<DataFetcherResult<Customer>> invite(DataFetchingEnvironment env) {
    InviteCustomer command = new InviteCustomer(env.getArgument("email"));
    return calls.field(env, () -> calls.gateway().resolve(invite, command, ApiCalls.correlationId(env),
        ApiCalls.caller(env).name()));
  }

  /** The customer now, or as it was at {@code asOf} (folded from its events in the journal). */
  CompletableFuture<DataFetcherResult<Customer>> byId(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    String asOf = env.getArgument("asOf");
    return calls.field(env, () -> (asOf == null ? calls.gateway().row(CustomerProjector.VIEW, id)
        : calls.gateway().rowAsOf(CustomerProjector.VIEW, id, EventEntry.asOf(asOf, ApiCalls.correlationId(env))))
        .thenApply(row -> row.orElse(null)));
  }

  CompletableFuture<DataFetcherResult<List<EventEntry>>> history(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    return calls.field(env, () -> calls.gateway().history(CustomerProjector.VIEW, id)
        .thenApply(entries -> entries.stream().map(EventEntry::of).toList()));
  }

  CompletableFuture<DataFetcherResult<Customer>> byEmail(DataFetchingEnvironment env) {
    String email = Email.normalize(env.getArgument("email"));
    return calls.field(env, () -> calls.gateway().rows(CustomerProjector.VIEW, "email", email)
        .thenApply(CustomerFetchers::first));
  }

  private static Customer first(List<Customer> rows) {
    return rows.isEmpty() ? null : rows.get(0);
  }
}
