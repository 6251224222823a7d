package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.app.support.TestConfigs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A node configured to place events or entities otherwise than its database records refuses to start. */
class PlacementTest {

  @Test
  void aNodeWithOtherPlacementOrEntityKeySecretThanItsDatabaseRefusesToStartNamingBothValues() {
    String db = TestConfigs.memoryDb();
    try (Node first = NodeFixture.start(TestConfigs.node(db))) {
      assertThat(ApiClient.on(first.port()).get("/health/ready").status()).isEqualTo(200);
    }
    Config drifted = ConfigFactory.parseString("events-unbundled.tags-per-channel = 8\n"
        + "pekko.cluster.sharding.number-of-shards = 7\n"
        + "events-unbundled.entity-keys.secret = another-secret").withFallback(TestConfigs.node(db));

    assertThatThrownBy(() -> NodeFixture.start(drifted))
        .hasMessageContaining("events-unbundled.tags-per-channel is 4 in this database (recorded at its first start)"
            + " but 8 in this node's configuration")
        .hasMessageContaining("pekko.cluster.sharding.number-of-shards is 100 in this database")
        .hasMessageContaining("but 7 in this node's configuration")
        .hasMessageContaining("events-unbundled.entity-keys.secret (fingerprint) is ")
        .hasMessageNotContaining("another-secret");

    try (Node again = NodeFixture.start(TestConfigs.node(db))) {
      assertThat(ApiClient.on(again.port()).get("/health/ready").status()).isEqualTo(200);
    }
  }

  @Test
  void aJournalWrittenBeforeEntityIdsWereHashedIsRefusedInsteadOfSilentlyOrphaned() throws Exception {
    String db = TestConfigs.memoryDb();
    try (Node first = NodeFixture.start(TestConfigs.node(db))) {
      assertThat(ApiClient.on(first.port()).post("/customers/invitations", ApiClient.JSON,
          "{\"email\":\"before@p14n.com\"}").status()).isEqualTo(200);
    }
    try (Connection c = DriverManager.getConnection(db, "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM \"events_unbundled_placement\" WHERE \"setting\" LIKE '%entity-keys%'");
    }

    assertThatThrownBy(() -> NodeFixture.start(TestConfigs.node(db)))
        .hasMessageContaining("written before entity ids were keyed hashes");
  }
}
