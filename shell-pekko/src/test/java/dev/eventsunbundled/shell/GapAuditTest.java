package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gap audit finds a view row lost with its entities' progress rows rolled back, and rebuilds it from the
 * journal by re-delivering exactly the missing events.
 */
class GapAuditTest {

  @Test
  void rolledBackProgressRowsAreFoundAndRepairedByRedeliveringTheMissingEvents() throws Exception {
    TestNode.Started node = TestNode.start(TestNode.config(TestNode.inMemoryUrl(),
        "events-unbundled.gap-audit { interval = 0s, allowance = 0s }"), TestNode.customerFunctions());
    try {
      Customer ann = invite(node, "ann@p14n.com");
      Customer bob = invite(node, "bob@p14n.com");
      GapAudit audit = GapAudit.get(node.kit().system());
      node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
        assertThat(row(node, bob.id()).verified()).isTrue();
        assertThat(entitiesOf(node, bob.id())).hasSize(2).allSatisfy(entity -> assertThat(projectionPassed(node,
            entity)).as("the polled projection committed past %s", entity).isTrue());
        return null;
      });
      assertThat(audit.run().toCompletableFuture().get(30, TimeUnit.SECONDS)).as("nothing missing yet").isEmpty();
      Customer before = row(node, bob.id());
      List<String> bobsEntities = entitiesOf(node, bob.id());

      node.shell().database().transact(c -> {
        for (String entity : bobsEntities) {
          execute(c, "UPDATE \"view_customer_progress\" SET \"sequence_nr\" = 0 WHERE \"persistence_id\" = ?", entity);
        }
        execute(c, "DELETE FROM \"view_customer_events\" WHERE \"row_key\" = ?", bob.id());
        execute(c, "DELETE FROM \"view_customer\" WHERE \"id\" = ?", bob.id());
        return null;
      });
      assertThat(row(node, bob.id())).isNull();

      List<GapAudit.Gap> gaps = audit.run().toCompletableFuture().get(30, TimeUnit.SECONDS);

      assertThat(gaps).extracting(GapAudit.Gap::persistenceId).containsExactlyInAnyOrderElementsOf(bobsEntities);
      assertThat(gaps).allSatisfy(gap -> {
        assertThat(gap.view()).isEqualTo("customer");
        assertThat(gap.applied()).isZero();
        assertThat(gap.redelivered()).isEqualTo(1);
      });
      assertThat(row(node, bob.id())).isEqualTo(before);
      assertThat(row(node, ann.id()).email()).isEqualTo(ann.email());
      assertThat(audit.run().toCompletableFuture().get(30, TimeUnit.SECONDS)).as("repaired once").isEmpty();
    } finally {
      node.kit().shutdownTestKit();
    }
  }

  /** The entities whose events made the row. */
  private static List<String> entitiesOf(TestNode.Started node, String key) throws Exception {
    return node.shell().database().read(c -> {
      List<String> entities = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT \"persistence_id\" FROM \"view_customer_events\" WHERE \"row_key\" = ?")) {
        s.setString(1, key);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            entities.add(rows.getString(1));
          }
        }
      }
      return entities;
    });
  }

  /**
   * The view's polled projection of the tag of the entity's last event has committed its offset past that event: it
   * will not apply it again.
   */
  private static boolean projectionPassed(TestNode.Started node, String persistenceId) throws Exception {
    return node.shell().database().read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM \"pekko_projection_offset_store\" o"
          + " JOIN \"event_tag\" t ON t.\"tag\" = o.\"projection_key\" WHERE o.\"projection_name\" = 'project-customer'"
          + " AND t.\"event_id\" = (SELECT MAX(\"ordering\") FROM \"event_journal\" WHERE \"persistence_id\" = ?)"
          + " AND CAST(o.\"current_offset\" AS BIGINT) >= t.\"event_id\"")) {
        s.setString(1, persistenceId);
        try (ResultSet rows = s.executeQuery()) {
          return rows.next() && rows.getLong(1) > 0;
        }
      }
    });
  }

  private static Customer invite(TestNode.Started node, String email) throws Exception {
    return node.shell().resolve(TestNode.INVITE, new InviteCustomer(email), "gap").toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static Customer row(TestNode.Started node, String id) throws Exception {
    return node.shell().row(CustomerProjector.VIEW, id).toCompletableFuture().get(10, TimeUnit.SECONDS).orElse(null);
  }

  private static void execute(Connection c, String sql, String value) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      s.executeUpdate();
    }
  }
}
