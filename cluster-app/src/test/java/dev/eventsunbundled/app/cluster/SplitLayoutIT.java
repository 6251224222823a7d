package dev.eventsunbundled.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.HttpAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layout "split" (node1 http, node2 write, node3 read): a request crosses three nodes and still reads its write. */
class SplitLayoutIT {

  private static final Duration ANSWER = Duration.ofSeconds(15);
  private static ClusterDatabase database;
  private static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    database = ClusterDatabase.create();
    cluster = TestCluster.start("SplitLayoutIT", "split", database);
    Duration formed = cluster.awaitFormed();
    cluster.awaitProjectionsOn(TestCluster.START, 3);
    System.out.printf("SplitLayoutIT: 3-node cluster (layout split) formed in %.1f s%n", formed.toMillis() / 1000.0);
  }

  @AfterAll
  static void stopCluster() {
    TestCluster.stop(cluster, database);
  }

  @Test
  void anInviteToTheHttpNodeIsAnsweredFromTheViewTheReadNodeProjected() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Invite> invites = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      invites.add(Invite.send(cluster.api(1), 1, "split-" + run + "-" + i + "@p14n.com", ANSWER));
    }

    assertThat(invites).allSatisfy(invite -> {
      assertThat(invite.answered()).as(invite.toString()).isTrue();
      JsonNode customer = Invite.customerByEmail(cluster.api(1), invite.email()).orElseThrow();
      assertThat(customer.path("id").asText()).isEqualTo(invite.id());
      assertThat(customer.path("invited").asBoolean()).isTrue();
    });
    assertThat(cluster.entitiesOn(2, "invite-customer")).as("invite-customer entities on node2").isPositive();
    assertThat(cluster.entitiesOn(1, "invite-customer") + cluster.entitiesOn(3, "invite-customer")).isZero();
    assertThat(cluster.entitiesOn(3, TestCluster.PROJECTIONS)).as("project-customer on node3").isEqualTo(TestCluster.TAGS);
  }

  @Test
  void nodesWithoutTheHttpRoleAnswerRequestsWith421NamingTheRole() {
    for (int n = 2; n <= 3; n++) {
      HttpAnswer answer = Invite.graphQl(cluster.api(n), Invite.MUTATION, "misdirected@p14n.com", ANSWER);

      assertThat(answer.status()).as(answer.toString()).isEqualTo(421);
      assertThat(answer.json().path("error").asText()).contains("role http");
    }
  }

  @Test
  void eachNodesTopologyShowsItsRolesAndTheFunctionsItHosts() {
    assertTopology(1, List.of("http"), List.of("InviteCustomer"));
    assertTopology(2, List.of("write"), List.of("invite-customer", "verify-customer", "communicate-to-customer"));
    assertTopology(3, List.of("read"), List.of("project-customer"));
  }

  @Test
  void aLayoutThatHostsAFunctionOnNoRoleIsRefusedAtStartUpNamingIt() {
    NodeProcess refused = cluster.loneNode("refused", 1, "-Devents-unbundled.deploy.project-customer=nobody");
    try {
      refused.start();

      assertThat(refused.awaitExit(Duration.ofSeconds(90))).isNotZero();
      assertThat(refused.log()).contains("project-customer").contains("nobody");
    } finally {
      refused.close();
    }
  }

  private static void assertTopology(int n, List<String> roles, List<String> hosts) {
    JsonNode topology = cluster.topology(n);
    assertThat(strings(topology.path("roles"))).as("roles of node%d", n).containsExactlyInAnyOrderElementsOf(roles);
    assertThat(strings(topology.path("hosts"))).as("hosts of node%d", n).containsExactlyInAnyOrderElementsOf(hosts);
    assertThat(topology.path("members")).hasSize(3);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
