package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.app.support.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With API keys the management port asks for one (HTTP Basic); without, it must stay on loopback. */
class ManagementAuthTest {

  private static final String KEY = "ops-secret-0123456789";

  @Test
  void withApiKeysManagementAsksForOneAndTheApiHealthStaysOpen() {
    try (Node node = NodeFixture.start(ConfigFactory.parseString("events-unbundled.http.auth.api-keys = \"ops:"
        + KEY + "\"").withFallback(TestConfigs.node(TestConfigs.memoryDb())))) {
      ApiClient management = ApiClient.on(node.managementPort());
      assertThat(management.get("/topology").status()).isEqualTo(401);
      assertThat(basic(management, "/topology", "ops:wrong-secret-000000").status()).isEqualTo(401);
      HttpAnswer topology = basic(management, "/topology", "ops:" + KEY);
      assertThat(topology.status()).as(topology.body()).isEqualTo(200);
      assertThat(topology.json().path("members")).hasSize(1);
      assertThat(ApiClient.on(node.port()).get("/health/ready").status()).as("API health stays open").isEqualTo(200);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String base = "http://127.0.0.1:" + node.managementPort();
      assertThat(DeadLettersCommand.run(List.of("list", "--management", base), print(out), print(out))).isEqualTo(1);
      assertThat(DeadLettersCommand.run(List.of("list", "--management", base, "--user", "ops:" + KEY),
          print(out), print(out))).isZero();
    }
  }

  @Test
  void managementBeyondLoopbackWithoutApiKeysRefusesToStart() {
    assertThatThrownBy(() -> NodeFixture.start(ConfigFactory.parseString("pekko.management.http.hostname = 0.0.0.0")
        .withFallback(TestConfigs.node(TestConfigs.memoryDb()))).close())
        .hasMessageContaining("Management is to listen on 0.0.0.0, beyond loopback");
  }

  private static HttpAnswer basic(ApiClient client, String path, String credentials) {
    return client.send(client.request(path).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).GET().build());
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
