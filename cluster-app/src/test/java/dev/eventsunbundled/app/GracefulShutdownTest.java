package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.InMemoryGateway;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** On shutdown the API stops accepting and lets in-flight requests finish. */
class GracefulShutdownTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TERMINATOR = "org.apache.pekko.http.impl.engine.server.GracefulTerminatorStage";

  private final Logger terminator = (Logger) LoggerFactory.getLogger(TERMINATOR);
  private final CompletableFuture<Void> connectionTerminating = new CompletableFuture<>();
  private final AppenderBase<ILoggingEvent> watch = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      if (event.getFormattedMessage().contains("Initializing termination")) {
        connectionTerminating.complete(null);
      }
    }
  };

  @BeforeEach
  void watchTheConnectionTerminator() {
    watch.start();
    terminator.addAppender(watch);
    terminator.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stopWatching() {
    terminator.detachAppender(watch);
    terminator.setLevel(null);
  }

  @Test
  void anInFlightRequestIsAnsweredWhileTheNodeShutsDown() {
    try (ApiServer server = ApiServer.start(Map.of("pekko.loglevel", "DEBUG"))) {
      ApiClient api = server.client();
      CompletableFuture<HttpAnswer> inFlight = api.sendAsync(api.request("/customers/invitations")
          .header("Content-Type", ApiClient.JSON)
          .POST(BodyPublishers.ofString("{\"email\":\"" + InMemoryGateway.HELD + "\"}"))
          .build());
      Futures.await(server.gateway().heldArrived(), WAIT);

      server.beginShutdown();
      Futures.await(connectionTerminating, WAIT);
      server.gateway().release();

      HttpAnswer answer = Futures.await(inFlight, WAIT);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Connection")).isEqualTo("close");
      assertThat(answer.json().path("email").asText()).isEqualTo(InMemoryGateway.HELD);
    }
  }
}
