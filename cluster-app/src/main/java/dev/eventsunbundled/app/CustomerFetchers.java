package dev.eventsunbundled.app;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.Email;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.shell.Gateway;
import dev.eventsunbundled.shell.Refused;
import dev.eventsunbundled.shell.ResolveTimeout;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The GraphQL data fetchers: each asks the Gateway and answers asynchronously, never blocking. */
final class CustomerFetchers {

  private static final Logger log = LoggerFactory.getLogger(CustomerFetchers.class);

  private final Gateway gateway;
  private final InviteCustomerResolver invite;
  private final Duration timeout;

  CustomerFetchers(Gateway gateway, InviteCustomerResolver invite, Duration timeout) {
    this.gateway = gateway;
    this.invite = invite;
    this.timeout = timeout;
  }

  CompletableFuture<DataFetcherResult<Customer>> invite(DataFetchingEnvironment env) {
    InviteCustomer command = new InviteCustomer(env.getArgument("email"));
    return answer(env, () -> gateway.resolve(invite, command, cid(env)));
  }

  CompletableFuture<DataFetcherResult<Customer>> byId(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    return answer(env, () -> gateway.row(CustomerProjector.VIEW, id).thenApply(row -> row.orElse(null)));
  }

  CompletableFuture<DataFetcherResult<Customer>> byEmail(DataFetchingEnvironment env) {
    String email = Email.normalize(env.getArgument("email"));
    return answer(env, () -> gateway.rows(CustomerProjector.VIEW, "email", email).thenApply(CustomerFetchers::first));
  }

  private <T> CompletableFuture<DataFetcherResult<T>> answer(DataFetchingEnvironment env, Supplier<CompletionStage<T>> ask) {
    return Futures.within(Futures.call(ask), timeout).handle((value, failure) -> failure == null
        ? DataFetcherResult.<T>newResult().data(value).build()
        : DataFetcherResult.<T>newResult().error(error(env, failure)).build());
  }

  private static GraphQLError error(DataFetchingEnvironment env, Throwable failure) {
    Throwable cause = ApiErrors.unwrap(failure);
    String cid = cid(env);
    String code;
    String message;
    if (cause instanceof Refused) {
      code = "REFUSED";
      message = cause.getMessage();
    } else if (cause instanceof ResolveTimeout || cause instanceof TimeoutException) {
      code = "TIMEOUT";
      message = ApiErrors.timeoutMessage(cause);
    } else {
      log.error("GraphQL field {} failed for {}", env.getField().getName(), cid, cause);
      code = "INTERNAL";
      message = "Internal error; quote the correlation id";
    }
    return GraphqlErrorBuilder.newError(env)
        .message("%s", message)
        .extensions(Map.of("code", code, GraphQlApi.CORRELATION_ID, cid))
        .build();
  }

  private static String cid(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(GraphQlApi.CORRELATION_ID);
  }

  private static Customer first(List<Customer> rows) {
    return rows.isEmpty() ? null : rows.get(0);
  }
}
