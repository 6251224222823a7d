package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.app.support.TestConfigs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a node recorded survives a restart on the same data directory. */
class RestartTest {

  private static final String INVITE = "mutation($e: String) { InviteCustomer(email: $e) { id email invited } }";

  @TempDir
  Path dataDir;

  @Test
  void anInvitedCustomerIsStillThereAfterARestartAndStaysTheSameCustomer() {
    String db = TestConfigs.fileDb(dataDir);
    String id;
    try (Node first = NodeFixture.start(TestConfigs.node(db))) {
      HttpAnswer invited = ApiClient.on(first.port()).graphQl(INVITE, Map.of("e", "restart@example.com"));
      id = invited.json().path("data").path("InviteCustomer").path("id").asText();
      assertThat(id).as(invited.toString()).isNotBlank();
    }

    try (Node second = NodeFixture.start(TestConfigs.node(db))) {
      ApiClient api = ApiClient.on(second.port());
      HttpAnswer read = api.get("/customers/" + id);
      HttpAnswer again = api.graphQl(INVITE, Map.of("e", "Restart@Example.com"));

      assertThat(read.status()).as(read.toString()).isEqualTo(200);
      assertThat(read.json().path("email").asText()).isEqualTo("restart@example.com");
      assertThat(again.json().path("data").path("InviteCustomer").path("id").asText()).isEqualTo(id);
    }
  }
}
