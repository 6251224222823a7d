package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.app.support.HttpAnswer;
import org.junit.jupiter.api.Test;

/** Readiness follows the journal check; liveness does not. */
class HealthRoutesTest {

  @Test
  void readyWhileTheDatabaseAnswersAndNotReadyWhenItDoesNot() {
    try (ApiServer server = ApiServer.start()) {
      HttpAnswer ready = server.client().get("/health/ready");
      server.databaseUp(false);
      HttpAnswer notReady = server.client().get("/health/ready");
      HttpAnswer alive = server.client().get("/health/alive");

      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().path("status").asText()).isEqualTo("ready");
      BadInputContract.assertError(notReady, 503, "journal");
      assertThat(alive.status()).isEqualTo(200);
    }
  }
}
