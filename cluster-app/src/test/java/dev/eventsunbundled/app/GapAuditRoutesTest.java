package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.app.support.TestConfigs;
import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** POST /views/audit on the management port finds a view's lost event and re-delivers it from the journal. */
class GapAuditRoutesTest {

  @Test
  void anOnDemandAuditRepairsARolledBackProgressRow() throws Exception {
    String db = TestConfigs.memoryDb();
    try (Node node = NodeFixture.start(ConfigFactory.parseString("events-unbundled.gap-audit.allowance = 0s")
        .withFallback(TestConfigs.node(db)))) {
      ApiClient api = ApiClient.on(node.port());
      ApiClient management = ApiClient.on(node.managementPort());
      String id = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"gap@p14n.com\"}").json()
          .path("id").asText();
      await().atMost(Duration.ofSeconds(20)).until(() -> projectionPassedTheInvite(db));
      try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE \"view_customer_progress\" SET \"sequence_nr\" = 0"
            + " WHERE \"persistence_id\" LIKE 'invite-customer|%'");
        s.executeUpdate("DELETE FROM \"view_customer_events\" WHERE \"persistence_id\" LIKE 'invite-customer|%'");
        s.executeUpdate("DELETE FROM \"view_customer\"");
      }
      assertThat(api.get("/customers/" + id).status()).isEqualTo(404);

      HttpAnswer audited = management.send(management.request("/views/audit").POST(BodyPublishers.noBody()).build());

      assertThat(audited.status()).as(audited.body()).isEqualTo(200);
      JsonNode gaps = audited.json().path("gaps");
      assertThat(gaps).hasSize(1);
      assertThat(gaps.get(0).path("view").asText()).isEqualTo("customer");
      assertThat(gaps.get(0).path("redelivered").asInt()).isEqualTo(1);
      assertThat(api.get("/customers/" + id).json().path("email").asText()).isEqualTo("gap@p14n.com");
    }
  }

  /** The view's polled projection has committed its offset past the invite: it will not apply it again itself. */
  private static boolean projectionPassedTheInvite(String db) throws Exception {
    try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM \"pekko_projection_offset_store\" o"
            + " WHERE o.\"projection_name\" = 'project-customer' AND CAST(o.\"current_offset\" AS BIGINT)"
            + " >= (SELECT MAX(\"ordering\") FROM \"event_journal\" WHERE \"persistence_id\" LIKE 'invite-customer|%')")) {
      return rows.next() && rows.getLong(1) > 0;
    }
  }
}
