package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.app.support.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The views on the management port: POST /views/audit finds a view's lost event and re-delivers it from the journal;
 * {@code views rebuild} (POST /views/VIEW/rebuild, then GET /views) builds a view anew while the old one serves.
 */
class ViewRoutesTest {

  @Test
  void aRebuildFromTheCommandLineShowsItsProgressAndTheNewGenerationServesTheSameRows() throws Exception {
    String db = TestConfigs.memoryDb();
    try (Node node = NodeFixture.start(TestConfigs.node(db))) {
      ApiClient api = ApiClient.on(node.port());
      String base = "http://127.0.0.1:" + node.managementPort();
      String id = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"again@p14n.com\"}").json()
          .path("id").asText();
      await().atMost(Duration.ofSeconds(20))
          .until(() -> api.get("/customers/" + id).json().path("verified").asBoolean());
      JsonNode before = api.get("/customers/" + id).json();

      Run rebuild = run("rebuild", "customer", "--management", base);

      assertThat(rebuild.code()).as(rebuild.err()).isZero();
      assertThat(rebuild.out()).contains("customer: generation 2 (view_customer_v2) serves");
      assertThat(api.get("/customers/" + id).json()).isEqualTo(before);
      JsonNode views = ApiClient.on(node.managementPort()).get("/views").json().path("views");
      assertThat(views.findValuesAsText("servingTable")).contains("view_customer_v2");
      Run unknown = run("rebuild", "nothing", "--management", base);
      assertThat(unknown.code()).isEqualTo(1);
      assertThat(unknown.err()).contains("No view named 'nothing'");
      assertThat(run("rebuild").err()).contains("usage: java -jar cluster-app.jar views");
    }
  }

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

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ViewsCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
