package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.NodeFixture;
import org.junit.jupiter.api.Test;

/** A node that is Up with a reachable journal is ready, on the API port and on the management port. */
class NodeHealthTest {

  @Test
  void anUpNodeIsReadyAndAliveOnBothPorts() {
    try (Node node = NodeFixture.start()) {
      ApiClient api = ApiClient.on(node.port());
      ApiClient management = ApiClient.on(node.managementPort());

      assertThat(api.get("/health/ready").status()).isEqualTo(200);
      assertThat(api.get("/health/alive").status()).isEqualTo(200);
      assertThat(management.get("/ready").status()).isEqualTo(200);
      assertThat(management.get("/alive").status()).isEqualTo(200);
    }
  }
}
