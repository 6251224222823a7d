package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.InMemoryGateway;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** No answer in time is a clear 504 (REST) or TIMEOUT error (GraphQL) with the correlation id, never stale data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeoutTest {

  private ApiServer server;
  private ApiClient api;

  @BeforeAll
  void start() {
    server = ApiServer.start(Map.of("events-unbundled.http.request-timeout", "300ms"));
    api = server.client();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theShellsResolveTimeoutIsA504() {
    HttpAnswer answer = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"" + InMemoryGateway.TIMES_OUT + "\"}");

    BadInputContract.assertError(answer, 504, "may still take effect");
  }

  @Test
  void aShellThatNeverAnswersIsCutOffByTheRoutesDeadline() {
    HttpAnswer answer = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"" + InMemoryGateway.SILENT + "\"}");

    BadInputContract.assertError(answer, 504, "No answer in time");
  }

  @Test
  void aTimeoutInGraphQlIsATimeoutError() {
    HttpAnswer answer = api.graphQl("mutation { InviteCustomer(email: \"" + InMemoryGateway.TIMES_OUT + "\") { id } }");

    BadInputContract.assertGraphQlError(answer, "may still take effect");
    assertThat(answer.json().path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("TIMEOUT");
    assertThat(answer.json().path("data").path("InviteCustomer").isNull()).isTrue();
  }
}
