package dev.eventsunbundled.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** An HTTP response as the tests see it: status, headers, body and the body as JSON. */
public record HttpAnswer(int status, HttpHeaders headers, String body) {

  public JsonNode json() {
    return ApiClient.parse(body);
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public String correlationId() {
    return header("X-Correlation-Id");
  }

  /** The first GraphQL error's message, or null. */
  public String firstError() {
    JsonNode errors = json().path("errors");
    return errors.isArray() && errors.size() > 0 ? errors.get(0).path("message").asText() : null;
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
