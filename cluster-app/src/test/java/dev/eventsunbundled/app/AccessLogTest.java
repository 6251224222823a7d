package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.shell.Trace;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One access-log line per request, with method, path, status, latency and correlation id. */
class AccessLogTest {

  @Test
  void everyRequestIsLoggedOnceWithItsOutcome() {
    Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try (ApiServer server = ApiServer.start()) {
      String cid = server.client().get("/customers/nobody").correlationId();

      assertThat(lines.list).hasSize(1);
      assertThat(lines.list.get(0).getFormattedMessage()).matches("GET /customers/nobody 404 \\d+ms");
      assertThat(lines.list.get(0).getMDCPropertyMap()).containsEntry(Trace.CORRELATION_ID, cid);
    } finally {
      logger.detachAppender(lines);
    }
  }
}
