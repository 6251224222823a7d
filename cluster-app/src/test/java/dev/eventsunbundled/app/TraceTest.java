package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.shell.Trace;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** With tracing on, a request's correlation id is on the log lines of its resolver, entity, views and channels. */
class TraceTest {

  @Test
  void aRequestsCorrelationIdIsOnTheLinesOfEveryStep() {
    Logger trace = (Logger) LoggerFactory.getLogger("events-unbundled.trace");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    trace.addAppender(lines);
    Level before = trace.getLevel();
    trace.setLevel(Level.DEBUG);
    try (Node node = NodeFixture.start()) {
      ApiClient api = ApiClient.on(node.port());
      HttpAnswer answer = api.send(api.request("/graphql").header("Content-Type", ApiClient.JSON)
          .header("X-Correlation-Id", "trace-test-1")
          .POST(BodyPublishers.ofString(
              "{\"query\":\"mutation { InviteCustomer(email: \\\"trace@example.com\\\") { id } }\"}"))
          .build());
      assertThat(answer.status()).isEqualTo(200);

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(messagesOf(lines, "trace-test-1"))
          .anyMatch(line -> line.startsWith("resolver InviteCustomer asks invite-customer"))
          .anyMatch(line -> line.matches("invite-customer invite-customer\\|.+#1 recorded CustomerInvited"))
          .anyMatch(line -> line.startsWith("view customer applied invite-customer|"))
          .anyMatch(line -> line.startsWith("channel delivers invite-customer|"))
          .anyMatch(line -> line.matches("communicate-to-customer .+ recorded InvitationEmailQueued"))
          .anyMatch(line -> line.startsWith("resolver InviteCustomer answered")));
    } finally {
      trace.setLevel(before);
      trace.detachAppender(lines);
    }
  }

  private static List<String> messagesOf(ListAppender<ILoggingEvent> lines, String correlationId) {
    synchronized (lines.list) {
      return lines.list.stream()
          .filter(line -> correlationId.equals(line.getMDCPropertyMap().get(Trace.CORRELATION_ID)))
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }
}
