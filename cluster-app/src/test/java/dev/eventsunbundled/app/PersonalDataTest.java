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
import dev.eventsunbundled.app.support.TestConfigs;
import dev.eventsunbundled.shell.Entities;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An email is never a key: persistence ids (journal, snapshots, view progress) hold a keyed hash of it, and no log
 * line at INFO or above names it (Pekko's own included); only the view row, which answers queries, holds it.
 */
class PersonalDataTest {

  private static final String EMAIL = "private.person@p14n.com";

  @Test
  void noEmailInPersistenceIdsOrLogsAtInfo() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    root.addAppender(lines);
    String url = TestConfigs.memoryDb();
    try (Node node = NodeFixture.start(TestConfigs.node(url))) {
      HttpAnswer invited = ApiClient.on(node.port())
          .post("/customers/invitations", ApiClient.JSON, "{\"email\":\"" + EMAIL + "\"}");
      assertThat(invited.status()).as(invited.body()).isEqualTo(200);
      HttpAnswer found = ApiClient.on(node.port()).get("/customers?email=" + EMAIL);
      assertThat(found.status()).isEqualTo(200);
      String entityId = Entities.get(node.system()).id(EMAIL);
      assertThat(entityId).hasSize(32).doesNotContain("@");

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(column(url, "SELECT \"persistence_id\" FROM \"event_journal\""))
              .contains("invite-customer|" + entityId)
              .anySatisfy(id -> assertThat(id).startsWith("communicate-to-customer|"))
              .noneSatisfy(id -> assertThat(id).contains(EMAIL)));
      assertThat(column(url, "SELECT \"persistence_id\" FROM \"view_customer_progress\""))
          .isNotEmpty().noneSatisfy(id -> assertThat(id).contains(EMAIL));
      assertThat(column(url, "SELECT \"email\" FROM \"view_customer\"")).containsExactly(EMAIL);
    } finally {
      root.detachAppender(lines);
    }
    List<String> atInfo = new ArrayList<>();
    synchronized (lines.list) {
      lines.list.stream().filter(line -> line.getLevel().isGreaterOrEqual(Level.INFO))
          .forEach(line -> atInfo.add(line.getLoggerName() + ": " + line.getFormattedMessage()));
    }
    assertThat(atInfo).isNotEmpty().noneSatisfy(line -> assertThat(line).containsIgnoringCase("private.person"));
  }

  private static List<String> column(String url, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
