package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /metrics on the management port: Prometheus text with JVM, HTTP, function, projection and resolver meters. */
class MetricsTest {

  private static final Pattern APPLIED_TO_CUSTOMER = Pattern.compile(
      "events_unbundled_projection_events_applied_total\\{path=\"(?:push|poll)\",tag=\"customer-\\d\","
          + "view=\"customer\"} (\\d+\\.\\d+)");

  private static Node node;

  @BeforeAll
  static void start() {
    node = NodeFixture.start();
    ApiClient api = ApiClient.on(node.port());
    api.graphQl("mutation { InviteCustomer(email: \"metrics@example.com\") { id } }");
    api.graphQl("mutation { InviteCustomer(email: \"\") { id } }");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void anInviteShowsInTheFunctionsProjectionAndResolverMetersARefusedOneOnlyInTheResolvers() {
    String metrics = scrape();

    assertThat(metrics)
        .contains("events_unbundled_handler_messages_total{function=\"invite-customer\",outcome=\"recorded\"} 1.0")
        .doesNotContain("events_unbundled_handler_messages_total{function=\"invite-customer\",outcome=\"noticed\"}")
        .contains("events_unbundled_handler_persist_seconds_count{function=\"invite-customer\"} 1")
        .contains("events_unbundled_resolver_wait_seconds_count{outcome=\"answered\",resolver=\"InviteCustomer\"} 1")
        .contains("events_unbundled_resolver_wait_seconds_count{outcome=\"refused\",resolver=\"InviteCustomer\"} 1");
    // the invite and its verification, each applied once to the customer view, by whichever of push or poll won
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String scraped = scrape();
      assertThat(APPLIED_TO_CUSTOMER.matcher(scraped).results().mapToDouble(m -> Double.parseDouble(m.group(1))).sum())
          .isEqualTo(2.0);
      assertThat(scraped).contains("events_unbundled_projection_lag_seconds_bucket{view=\"customer\",le=\"0.5\"}");
    });
  }

  @Test
  void projectionsTheClusterAndShardsAreMeasured() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape())
        .contains("events_unbundled_cluster_members{status=\"up\"} 1.0")
        .containsPattern("events_unbundled_projection_offset\\{projection=\"project-customer\",tag=\"customer-\\d\"} "
            + "[1-9]")
        .containsPattern("events_unbundled_projection_behind_events\\{projection=\"project-customer\",tag="
            + "\"customer-\\d\"} 0.0")
        .containsPattern("events_unbundled_projection_restarts_total\\{projection=\"project-customer\",tag="
            + "\"customer-\\d\"} 0.0")
        .containsPattern("events_unbundled_sharding_entities\\{entity_type=\"invite-customer\"} [1-9]")
        .contains("events_unbundled_journal_gaps_skipped_total")
        .contains("events_unbundled_dead_letters{state=\"failed\"} 0.0"));
  }

  @Test
  void httpRequestsAreCountedByRouteAndStatusWithoutIds() {
    ApiClient.on(node.port()).get("/customers/no-such-id");

    assertThat(scrape())
        .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/graphql\",status=\"200\"}")
        .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/customers\",status=\"404\"}")
        .doesNotContain("no-such-id");
  }

  @Test
  void jvmAndProcessMetersAreThere() {
    assertThat(scrape()).contains("jvm_memory_used_bytes").contains("process_uptime_seconds").contains("jvm_gc_");
  }

  private static String scrape() {
    HttpAnswer answer = ApiClient.on(node.managementPort()).get("/metrics");
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }
}
