package dev.eventsunbundled.app.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.app.Futures;
import dev.eventsunbundled.app.Node;
import dev.eventsunbundled.app.customer.CustomerProcess;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A second, unrelated process registered through the public API runs end to end over GraphQL and REST. */
class SecondProcessTest {

  private static Node node;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    Config deploy = ConfigFactory.parseString(
        "events-unbundled.deploy { count = write, project-counter = read, Increment = http }");
    node = Node.start(deploy.withFallback(TestConfigs.node(TestConfigs.memoryDb())),
        List.of(CustomerProcess.of("basic"), new CounterProcess()));
    Futures.await(node.up(), Duration.ofSeconds(60));
    api = ApiClient.on(node.port());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void incrementsOverGraphQlAnswerTheProjectedTotal() {
    String increment = "mutation($by: Int) { Increment(counter: \"graphql\", by: $by) { id total } }";

    assertThat(api.graphQl(increment, Map.of("by", 2)).json().path("data").path("Increment").path("total").asLong())
        .isEqualTo(2);
    assertThat(api.graphQl(increment, Map.of("by", 3)).json().path("data").path("Increment").path("total").asLong())
        .isEqualTo(5);
    assertThat(api.graphQl("{ Counter(id: \"graphql\") { total } }").json().path("data").path("Counter")
        .path("total").asLong()).isEqualTo(5);
  }

  @Test
  void incrementsOverRestAnswerTheProjectedTotal() {
    HttpAnswer first = api.post("/counters/rest/increments", ApiClient.JSON, "{\"by\": 4}");
    HttpAnswer second = api.post("/counters/rest/increments", ApiClient.JSON, "{}");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("total").asLong()).isEqualTo(4);
    assertThat(second.json().path("total").asLong()).isEqualTo(5);
    assertThat(api.get("/counters/rest").json().path("total").asLong()).isEqualTo(5);
    assertThat(api.get("/counters/nothing-here").status()).isEqualTo(404);
  }

  @Test
  void aRefusalIsAClearErrorOnBothApis() {
    HttpAnswer graphQl = api.graphQl("mutation { Increment(counter: \"refused\", by: 0) { total } }");
    HttpAnswer rest = api.post("/counters/refused/increments", ApiClient.JSON, "{\"by\": -1}");

    assertThat(graphQl.firstError()).contains("positive number, not 0");
    assertThat(rest.status()).isBetween(400, 499);
    assertThat(rest.json().path("error").asText()).contains("positive number, not -1");
  }

  @Test
  void theFirstProcessStillServesNextToIt() {
    HttpAnswer invite = api.graphQl("mutation { InviteCustomer(email: \"counter@example.com\") { id invited } }");

    assertThat(invite.json().path("data").path("InviteCustomer").path("invited").asBoolean()).isTrue();
  }
}
