package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GraphQL CustomerHistory and Customer(asOf), and REST /customers/{id}/history and ?asOf=, on a whole node. */
class HistoryOverHttpTest {

  private static final String AS_OF = "query($id: ID!, $at: String) { Customer(id: $id, asOf: $at) { invited verified } }";

  @Test
  void historyAndAsOfOverRestAndGraphQl() {
    try (Node node = NodeFixture.start()) {
      ApiClient api = ApiClient.on(node.port());
      HttpAnswer invited = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"asof@p14n.com\"}");
      assertThat(invited.status()).isEqualTo(200);
      String id = invited.json().path("id").asText();

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(api.get("/customers/" + id + "/history").json()).hasSize(2));
      JsonNode history = api.get("/customers/" + id + "/history").json();
      assertThat(history.get(0).path("type").asText()).isEqualTo("CustomerInvited");
      assertThat(history.get(0).path("data").path("email").asText()).isEqualTo("asof@p14n.com");
      assertThat(history.get(0).path("caller").asText()).isEqualTo("anonymous");
      assertThat(history.get(1).path("type").asText()).isEqualTo("CustomerVerified");
      Instant invitedAt = Instant.parse(history.get(0).path("at").asText());
      Instant verifiedAt = Instant.parse(history.get(1).path("at").asText());

      assertThat(api.get("/customers/" + id + "?asOf=" + invitedAt.minusMillis(1)).status()).isEqualTo(404);
      assertThat(api.get("/customers/" + id + "?asOf=" + invitedAt).json().path("invited").asBoolean()).isTrue();
      assertThat(api.get("/customers/" + id + "?asOf=" + verifiedAt).json().path("verified").asBoolean()).isTrue();
      HttpAnswer badAsOf = api.get("/customers/" + id + "?asOf=yesterday");
      assertThat(badAsOf.status()).isEqualTo(400);
      assertThat(badAsOf.json().path("error").asText()).contains("ISO-8601");
      assertThat(api.get("/customers/nobody/history").status()).isEqualTo(404);

      JsonNode before = api.graphQl(AS_OF, Map.of("id", id, "at", invitedAt.minusMillis(1).toString())).json();
      assertThat(before.path("data").path("Customer").isNull()).as(before.toString()).isTrue();
      JsonNode after = api.graphQl(AS_OF, Map.of("id", id, "at", verifiedAt.toString())).json();
      assertThat(after.path("data").path("Customer").path("verified").asBoolean()).as(after.toString()).isTrue();
      JsonNode bad = api.graphQl(AS_OF, Map.of("id", id, "at", "soon")).json();
      assertThat(bad.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("REFUSED");
      JsonNode events = api.graphQl("query($id: ID!) { CustomerHistory(id: $id) { at type entity data } }",
          Map.of("id", id)).json().path("data").path("CustomerHistory");
      assertThat(events).hasSize(2);
      assertThat(events.get(0).path("entity").asText()).startsWith("invite-customer|").doesNotContain("@");
      assertThat(events.get(0).path("data").asText()).contains("\"email\":\"asof@p14n.com\"");
    }
  }
}
