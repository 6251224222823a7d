package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.app.support.TestConfigs;
import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A projection that keeps failing (its view table is gone) makes the node not ready, and readiness names it and the
 * cause; the node is ready again once the projection makes progress. Meanwhile the metrics show it behind.
 */
class ProjectionReadinessTest {

  private static final Duration FLIP = Duration.ofSeconds(60);

  @Test
  void aFailingProjectionMakesTheNodeNotReadyUntilItRecovers() throws Exception {
    String db = TestConfigs.memoryDb();
    try (Node node = NodeFixture.start(TestConfigs.node(db));
        Connection sql = DriverManager.getConnection(db, "sa", "")) {
      ApiClient api = ApiClient.on(node.port());
      ApiClient management = ApiClient.on(node.managementPort());
      assertThat(api.get("/health/ready").status()).isEqualTo(200);

      execute(sql, "ALTER TABLE \"view_customer\" RENAME TO \"view_customer_away\"");
      api.sendAsync(api.request("/graphql").header("Content-Type", ApiClient.JSON)
          .POST(BodyPublishers.ofString(
              "{\"query\":\"mutation { InviteCustomer(email: \\\"broken@example.com\\\") { id } }\"}"))
          .build());

      await().atMost(FLIP).untilAsserted(() -> {
        HttpAnswer ready = api.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body()).contains("projection project-customer (customer-").contains("times in a row")
            .containsIgnoringCase("view_customer");
      });
      await().atMost(FLIP).untilAsserted(() -> assertThat(management.get("/metrics").body())
          .containsPattern("events_unbundled_projection_behind_events\\{projection=\"project-customer\",tag="
              + "\"customer-\\d\"} [1-9]")
          .containsPattern("events_unbundled_projection_errors_total\\{projection=\"project-customer\",tag="
              + "\"customer-\\d\"} [1-9]"));

      execute(sql, "ALTER TABLE \"view_customer_away\" RENAME TO \"view_customer\"");

      await().atMost(FLIP).untilAsserted(() -> assertThat(api.get("/health/ready").status()).isEqualTo(200));
      await().atMost(FLIP).untilAsserted(
          () -> assertThat(api.get("/customers?email=broken@example.com").status()).isEqualTo(200));
    }
  }

  private static void execute(Connection sql, String statement) throws SQLException {
    try (Statement s = sql.createStatement()) {
      s.execute(statement);
    }
  }
}
