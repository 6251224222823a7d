package dev.eventsunbundled.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.HttpAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three nodes of layout "all" on PostgreSQL, over mutually authenticated TLS: the cluster forms, every node invites,
 * idempotently across nodes, a view rebuilt on one node serves on all, and a process without a certificate of the
 * cluster's CA cannot join.
 */
class ClusterIT {

  private static final Duration ANSWER = Duration.ofSeconds(15);
  private static ClusterDatabase database;
  private static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    database = ClusterDatabase.create();
    cluster = TestCluster.start("ClusterIT", "all", database);
    Duration formed = cluster.awaitFormed();
    Duration settled = cluster.awaitProjectionsOn(TestCluster.START, 1, 2, 3);
    System.out.printf("ClusterIT: 3-node cluster (layout all) formed in %.1f s, projections spread %.1f s later%n",
        formed.toMillis() / 1000.0, settled.toMillis() / 1000.0);
  }

  @AfterAll
  static void stopCluster() {
    TestCluster.stop(cluster, database);
  }

  @Test
  void everyNodeSeesThreeUpMembersWithAllRoles() {
    for (int n = 1; n <= 3; n++) {
      JsonNode topology = cluster.topology(n);
      assertThat(topology.path("members")).hasSize(3);
      topology.path("members").forEach(member -> {
        assertThat(member.path("status").asText()).isEqualTo("Up");
        assertThat(member.path("roles").toString()).contains("http", "write", "read");
      });
    }
  }

  @Test
  void noNodeRefusesAMessageAnotherSent() {
    for (int n = 1; n <= 3; n++) {
      assertThat(cluster.node(n).log()).as("node%d's log: each node's start-up warm-up asks entities on the others", n)
          .doesNotContain("Failed to deserialize");
    }
  }

  @Test
  void invitesSentRoundRobinToEveryNodeAreAllAnswered() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Invite> invites = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 60; i++) {
      int node = i % 3 + 1;
      invites.add(Invite.send(cluster.api(node), node, "rr-" + run + "-" + i + "@p14n.com", ANSWER));
    }
    System.out.printf("ClusterIT: 60 invites round-robin over 3 nodes in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);

    assertThat(invites).allSatisfy(invite -> assertThat(invite.answered()).as(invite.toString()).isTrue());
    assertThat(invites.stream().map(Invite::id).distinct()).hasSize(60);
  }

  @Test
  void aDuplicateSentToAnotherNodeAnswersTheSameId() {
    String email = "dup-" + UUID.randomUUID().toString().substring(0, 8) + "@p14n.com";
    Invite first = Invite.send(cluster.api(1), 1, email, ANSWER);
    Invite second = Invite.send(cluster.api(2), 2, email, ANSWER);
    Invite third = Invite.send(cluster.api(3), 3, email.toUpperCase(), ANSWER);

    assertThat(first.answered()).as(first.toString()).isTrue();
    assertThat(second.id()).as(second.toString()).isEqualTo(first.id());
    assertThat(third.id()).as(third.toString()).isEqualTo(first.id());
  }

  @Test
  void theReadmeSeedMutationAnswersTheSameIdOnEveryNode() {
    Set<String> ids = new HashSet<>();
    for (int n = 1; n <= 3; n++) {
      HttpAnswer answer = cluster.api(n).post("/", "application/json",
          "{\"query\":\"mutation { InviteCustomer(email:\\\"dean@p14n.com\\\"){ id invited } }\"}");

      assertThat(answer.status()).as("node%d: %s", n, answer).isEqualTo(200);
      JsonNode customer = answer.json().path("data").path("InviteCustomer");
      assertThat(customer.path("invited").asBoolean()).as(answer.toString()).isTrue();
      ids.add(customer.path("id").asText());
    }
    assertThat(ids).hasSize(1);
  }

  @Test
  void aViewRebuiltOnOneNodeServesTheSameRowsOnEveryNode() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Invite> before = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      before.add(Invite.send(cluster.api(n), n, "rebuild-" + run + "-" + n + "@p14n.com", ANSWER));
    }
    assertThat(before).allSatisfy(invite -> assertThat(invite.answered()).as(invite.toString()).isTrue());

    HttpAnswer started = cluster.management(1).send("POST", "/views/customer/rebuild");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    int generation = started.json().path("building").asInt();
    assertThat(generation).isGreaterThan(1);
    for (int n = 1; n <= 3; n++) {
      int node = n;
      Poll.until("node" + node + " serves customer generation " + generation, Duration.ofSeconds(60), () ->
          cluster.management(node).get("/views").json().path("views").get(0).path("serving").asInt() == generation);
    }

    for (int n = 1; n <= 3; n++) {
      for (Invite invite : before) {
        JsonNode customer = cluster.api(n).get("/customers/" + invite.id()).json();
        assertThat(customer.path("email").asText()).as("node%d reads %s", n, invite).isEqualTo(invite.email());
      }
      Invite after = Invite.send(cluster.api(n), n, "rebuilt-" + run + "-" + n + "@p14n.com", ANSWER);
      assertThat(after.answered()).as(after.toString()).isTrue();
    }
  }

  @Test
  void aNodeWithACertificateOfAnotherCaCannotConnectLetAloneJoin() {
    ClusterTls foreign = ClusterTls.of("foreign");
    List<String> extra = new ArrayList<>(foreign.properties());
    extra.add("-Dpekko.cluster.seed-nodes.0=" + cluster.address(1));
    assertStaysOutside(cluster.loneNode("foreign-ca", 1, extra.toArray(String[]::new)), "SSLHandshakeException");
  }

  @Test
  void aNodeSpeakingPlainTcpToTheRemotingPortGetsNowhere() {
    assertStaysOutside(cluster.loneNode("plain-tcp", 1, "-Dpekko.remote.artery.transport=tcp",
        "-Dpekko.remote.artery.advanced.handshake-timeout=3s",
        "-Dpekko.cluster.seed-nodes.0=" + cluster.address(1)), "HandshakeTimeoutException");
  }

  /** Starts the outsider, waits until it logs the failure, and checks that the cluster still has its three. */
  private static void assertStaysOutside(NodeProcess outsider, String failure) {
    try {
      outsider.start();
      Poll.until("the outsider logs " + failure, Duration.ofSeconds(90), () -> outsider.log().contains(failure));
      assertThat(outsider.isReady()).as("the outsider joined").isFalse();
      for (int n = 1; n <= 3; n++) {
        assertThat(cluster.topology(n).path("members")).as("members seen by node%d", n).hasSize(3);
      }
    } finally {
      outsider.close();
    }
  }
}
