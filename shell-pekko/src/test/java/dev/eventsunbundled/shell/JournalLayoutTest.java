package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The journal's tables: in a new database tags have one index and no foreign key, and H2 keys journal rows by their
 * ordering (fewer B-trees per write); a database made with the previous layout keeps it, and works.
 */
class JournalLayoutTest {

  @Test
  void aNewDatabaseHasOneIndexOfTagsAndOnH2KeysJournalRowsByOrdering() throws Exception {
    String url = TestNode.inMemoryUrl();
    List<String> journalKey = url.startsWith("jdbc:postgresql:") ? List.of("persistence_id", "sequence_number")
        : List.of("ordering");
    TestNode.Started node = TestNode.start(url);
    try {
      awaitVerified(node, invite(node, "lean@p14n.com"));
      node.shell().database().read(c -> {
        assertThat(primaryKey(c, "event_journal")).isEqualTo(journalKey);
        assertThat(primaryKey(c, "event_tag")).isEmpty();
        assertThat(foreignKeys(c, "event_tag")).isEmpty();
        return null;
      });
    } finally {
      node.kit().shutdownTestKit();
    }
  }

  @Test
  void aJournalOfThePreviousLayoutKeepsItAndServesEntitiesChannelsAndViews() throws Exception {
    String url = TestNode.inMemoryUrl();
    boolean postgres = url.startsWith("jdbc:postgresql:");
    try (Connection c = DriverManager.getConnection(url, postgres ? "postgres" : "sa", "");
        Statement s = c.createStatement()) {
      for (String ddl : Schema.statements("previous-journal/" + (postgres ? "postgres" : "h2") + ".sql")) {
        s.execute(ddl);
      }
    }
    List<Customer> invited = new ArrayList<>();
    TestNode.Started first = TestNode.start(url);
    try {
      for (int i = 0; i < 3; i++) {
        invited.add(invite(first, "old" + i + "@p14n.com"));
      }
      invited.forEach(customer -> awaitVerified(first, customer));
    } finally {
      first.kit().shutdownTestKit();
    }

    TestNode.Started second = TestNode.start(url);
    try {
      Customer again = invite(second, "old0@p14n.com");
      assertThat(again.id()).as("the entity recovered from the journal").isEqualTo(invited.get(0).id());
      awaitVerified(second, invite(second, "new@p14n.com"));
      second.shell().database().read(c -> {
        assertThat(primaryKey(c, "event_journal")).containsExactly("persistence_id", "sequence_number");
        assertThat(foreignKeys(c, "event_tag")).isNotEmpty();
        return null;
      });
    } finally {
      second.kit().shutdownTestKit();
    }
  }

  private static Customer invite(TestNode.Started node, String email) throws Exception {
    return node.shell().resolve(TestNode.INVITE, new InviteCustomer(email), "layout").toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static void awaitVerified(TestNode.Started node, Customer customer) {
    node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
      Customer row = node.shell().row(CustomerProjector.VIEW, customer.id()).toCompletableFuture().join()
          .orElseThrow();
      assertThat(row.verified()).as("verified %s", customer.email()).isTrue();
      return null;
    });
  }

  private static List<String> primaryKey(Connection c, String table) throws Exception {
    Map<Short, String> columns = new TreeMap<>();
    try (ResultSet keys = c.getMetaData().getPrimaryKeys(null, c.getSchema(), table)) {
      while (keys.next()) {
        columns.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(columns.values());
  }

  private static List<String> foreignKeys(Connection c, String table) throws Exception {
    List<String> names = new ArrayList<>();
    try (ResultSet keys = c.getMetaData().getImportedKeys(null, c.getSchema(), table)) {
      while (keys.next()) {
        names.add(keys.getString("FK_NAME"));
      }
    }
    return names;
  }
}
