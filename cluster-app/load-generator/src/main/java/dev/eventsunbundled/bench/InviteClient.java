package dev.eventsunbundled.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Posts the InviteCustomer mutation with a new email each time, round-robin over the nodes, and classifies the answer. */
final class InviteClient {

  static final String QUERY = "mutation($e:String){ InviteCustomer(email:$e){ id invited } }";
  private static final Pattern INVITED = Pattern.compile("\"invited\"\\s*:\\s*true");
  private static final Pattern ERRORS = Pattern.compile("\"errors\"\\s*:");
  private static final int DETAIL_CHARS = 200;

  /** One answer: {@code error} is null on success; {@code completedAt} is System.nanoTime() when it arrived. */
  record Outcome(ErrorKind error, int status, String detail, long completedAt) {
    boolean ok() {
      return error == null;
    }
  }

  private final HttpClient http;
  private final List<URI> targets;
  private final Duration timeout;
  private final String emailPrefix;
  private final AtomicLong sequence = new AtomicLong();

  InviteClient(BenchOptions options, Executor executor) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.timeout())
        .executor(executor)
        .build();
    this.targets = options.targets();
    this.timeout = options.timeout();
    this.emailPrefix = options.emailPrefix();
  }

  /** Sends the next email; the future always completes normally, within about the timeout. */
  CompletableFuture<Outcome> sendNext() {
    long n = sequence.getAndIncrement();
    URI target = targets.get((int) (n % targets.size()));
    String body = "{\"query\":\"" + QUERY + "\",\"variables\":{\"e\":\"" + emailPrefix + "-" + n + "@bench.test\"}}";
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .handle((response, failure) -> classify(target, response, failure));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(classify(target, null, e));
    }
  }

  static Outcome classify(URI target, HttpResponse<String> response, Throwable failure) {
    long now = System.nanoTime();
    if (failure != null) {
      Throwable cause = unwrap(failure);
      String reason = cause.getMessage() == null ? "" : ": " + cause.getMessage();
      String message = cause.getClass().getSimpleName() + reason + " (" + target + ")";
      if (cause instanceof HttpConnectTimeoutException) {
        return new Outcome(ErrorKind.CONNECTION, 0, "connection: " + message, now);
      }
      if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
        return new Outcome(ErrorKind.TIMEOUT, 0, "timeout: " + message, now);
      }
      ErrorKind kind = cause instanceof IOException ? ErrorKind.CONNECTION : ErrorKind.UNEXPECTED;
      return new Outcome(kind, 0, kind.label() + ": " + message, now);
    }
    String body = response.body() == null ? "" : response.body();
    String shown = body.length() > DETAIL_CHARS ? body.substring(0, DETAIL_CHARS) + "…" : body;
    if (response.statusCode() != 200) {
      return new Outcome(ErrorKind.HTTP_STATUS, response.statusCode(), "http " + response.statusCode() + ": " + shown, now);
    }
    if (ERRORS.matcher(body).find()) {
      return new Outcome(ErrorKind.GRAPHQL, 200, "graphql: " + shown, now);
    }
    if (!INVITED.matcher(body).find()) {
      return new Outcome(ErrorKind.UNEXPECTED, 200, "unexpected: " + shown, now);
    }
    return new Outcome(null, 200, "", now);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
