package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.InMemoryGateway;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** On shutdown the API stops accepting connections and answers the requests already in flight in full. */
class GracefulShutdownTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void anInFlightRequestIsAnsweredWhileTheNodeShutsDown() {
    try (ApiServer server = ApiServer.start()) {
      int port = server.binding().localAddress().getPort();
      ApiClient api = server.client();
      CompletableFuture<HttpAnswer> inFlight = api.sendAsync(api.request("/customers/invitations")
          .header("Content-Type", ApiClient.JSON)
          .POST(BodyPublishers.ofString("{\"email\":\"" + InMemoryGateway.HELD + "\"}"))
          .build());
      Futures.await(server.gateway().heldArrived(), WAIT);

      server.beginShutdown();
      Awaitility.await("the API port is unbound").atMost(WAIT).until(() -> !accepts(port));
      server.gateway().release();

      HttpAnswer answer = Futures.await(inFlight, WAIT);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().path("email").asText()).isEqualTo(InMemoryGateway.HELD);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
