package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.app.support.HttpAnswer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every response carries a correlation id: the caller's when it is sane, otherwise a new one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrelationIdTest {

  private ApiServer server;
  private ApiClient api;

  @BeforeAll
  void start() {
    server = ApiServer.start();
    api = server.client();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void aSaneCallerIdIsEchoedAndUsedInErrors() {
    HttpAnswer answer = api.send(api.request("/customers/unknown").header("X-Correlation-Id", "req-42_A").GET().build());

    assertThat(answer.correlationId()).isEqualTo("req-42_A");
    assertThat(answer.json().path("correlationId").asText()).isEqualTo("req-42_A");
  }

  @Test
  void anInsaneCallerIdIsReplacedByAUuid() {
    HttpAnswer tooLong = api.send(api.request("/health/alive").header("X-Correlation-Id", "x".repeat(65)).GET().build());
    HttpAnswer oddChars = api.send(api.request("/health/alive").header("X-Correlation-Id", "a b;<script>").GET().build());

    assertThat(UUID.fromString(tooLong.correlationId())).isNotNull();
    assertThat(UUID.fromString(oddChars.correlationId())).isNotNull();
  }

  @Test
  void withoutCallerIdEveryRequestGetsItsOwn() {
    String first = api.get("/health/alive").correlationId();
    String second = api.get("/health/alive").correlationId();

    assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
  }

  @Test
  void aRefusedMutationCarriesTheCorrelationIdInItsErrorExtensions() {
    HttpAnswer answer = api.send(api.request("/graphql").header("X-Correlation-Id", "trace-me")
        .header("Content-Type", ApiClient.JSON)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"query\":\"mutation { InviteCustomer(email: \\\"\\\") { id } }\"}"))
        .build());

    assertThat(answer.firstError()).isEqualTo("Email is required");
    assertThat(answer.json().path("errors").get(0).path("extensions").path("correlationId").asText()).isEqualTo("trace-me");
    assertThat(answer.json().path("errors").get(0).path("path").get(0).asText()).isEqualTo("InviteCustomer");
  }
}
