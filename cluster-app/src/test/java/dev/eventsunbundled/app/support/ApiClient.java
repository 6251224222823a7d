package dev.eventsunbundled.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A small HTTP client for the API, on java.net.http. */
public final class ApiClient {

  public static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public ApiClient(URI base) {
    this(base, null);
  }

  private ApiClient(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** This client, sending {@code Authorization: Bearer <token>} with every request. */
  public ApiClient withBearer(String token) {
    return new ApiClient(base, "Bearer " + token);
  }

  public static ApiClient on(int port) {
    return new ApiClient(URI.create("http://127.0.0.1:" + port));
  }

  public HttpAnswer graphQl(String query) {
    return graphQl(query, null);
  }

  public HttpAnswer graphQl(String query, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    if (variables != null) {
      body.put("variables", variables);
    }
    return post("/graphql", JSON, json(body));
  }

  public HttpAnswer post(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)).build());
  }

  public HttpAnswer get(String path) {
    return send(request(path).GET().build());
  }

  public HttpAnswer send(String method, String path) {
    return send(request(path).method(method, BodyPublishers.noBody()).build());
  }

  public HttpAnswer send(HttpRequest request) {
    return sendAsync(request).join();
  }

  public CompletableFuture<HttpAnswer> sendAsync(HttpRequest request) {
    return http.sendAsync(request, BodyHandlers.ofString())
        .thenApply(response -> new HttpAnswer(response.statusCode(), response.headers(), response.body()));
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  public static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + body, e);
    }
  }
}
