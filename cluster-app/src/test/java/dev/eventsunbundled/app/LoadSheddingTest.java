package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.InMemoryGateway;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Beyond max-in-flight requests the API answers 503 with Retry-After at once; health is still answered. */
class LoadSheddingTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aRequestBeyondCapacityIsA503AtOnceAndTheNodeRecovers() {
    try (ApiServer server = ApiServer.start(Map.of("events-unbundled.http.max-in-flight", 1))) {
      ApiClient api = server.client();
      CompletableFuture<HttpAnswer> held = api.sendAsync(api.request(BadInputContract.INVITE)
          .header("Content-Type", ApiClient.JSON)
          .POST(BodyPublishers.ofString("{\"email\":\"" + InMemoryGateway.HELD + "\"}"))
          .build());
      Futures.await(server.gateway().heldArrived(), WAIT);

      HttpAnswer shed = api.post(BadInputContract.INVITE, ApiClient.JSON, "{\"email\":\"shed@example.com\"}");

      assertThat(shed.status()).isEqualTo(503);
      assertThat(shed.header("Retry-After")).isEqualTo("1");
      assertThat(shed.json().path("error").asText()).contains("at capacity");
      assertThat(api.get("/health/alive").status()).isEqualTo(200);

      server.gateway().release();
      assertThat(Futures.await(held, WAIT).status()).isEqualTo(200);
      assertThat(api.post(BadInputContract.INVITE, ApiClient.JSON, "{\"email\":\"shed@example.com\"}").status())
          .isEqualTo(200);
    }
  }
}
