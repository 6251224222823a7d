package dev.eventsunbundled.app;

import dev.eventsunbundled.shell.Gateway;
import dev.eventsunbundled.shell.Refused;
import dev.eventsunbundled.shell.ResolveTimeout;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a process's fetchers and routes use: the shell's gateway, asked within the API's timeout, its errors mapped. */
public final class ApiCalls {

  private static final Logger log = LoggerFactory.getLogger(ApiCalls.class);

  private final Gateway gateway;
  private final Duration timeout;

  ApiCalls(Gateway gateway, Duration timeout) {
    this.gateway = gateway;
    this.timeout = timeout;
  }

  public Gateway gateway() {
    return gateway;
  }

  /** A GraphQL field's value: the asked value, or a GraphQL error (REFUSED, TIMEOUT, INTERNAL) a person can read. */
  public <T> CompletableFuture<DataFetcherResult<T>> field(DataFetchingEnvironment env,
      Supplier<CompletionStage<T>> ask) {
    return Futures.within(Futures.call(ask), timeout).handle((value, failure) -> failure == null
        ? DataFetcherResult.<T>newResult().data(value).build()
        : DataFetcherResult.<T>newResult().error(error(env, failure)).build());
  }

  /** A REST answer: the asked value turned into a response, or the API's JSON error (400, 404, 504, 500). */
  public <T> Route respond(String cid, Supplier<CompletionStage<T>> ask, Function<T, HttpResponse> respond) {
    return Directives.completeWithFuture(Futures.within(Futures.call(ask), timeout)
        .thenApply(respond)
        .exceptionally(failure -> ApiErrors.failure(failure, cid)));
  }

  /** 200 with the value as JSON, or 404 with {@code absent} as the error. */
  public static HttpResponse found(Optional<?> value, String absent, String cid) {
    return value.<HttpResponse>map(Json::ok).orElseGet(() -> Json.error(StatusCodes.NOT_FOUND, absent, cid));
  }

  /** Who sent the request, inside a data fetcher. */
  public static Caller caller(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(CallerAccess.CALLER);
  }

  /** The request's correlation id, inside a data fetcher. */
  public static String correlationId(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(GraphQlApi.CORRELATION_ID);
  }

  private static GraphQLError error(DataFetchingEnvironment env, Throwable failure) {
    Throwable cause = ApiErrors.unwrap(failure);
    String cid = correlationId(env);
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
}
