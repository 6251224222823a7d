package dev.eventsunbundled.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.HttpAnswer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Layout "all" loses a node to kill -9 under load: every answered invite is in the view once, and the node rejoins. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {

  private static final int VICTIM = 3;
  private static final int READER = 1;
  private static final int[] SURVIVORS = {1, 2};
  private static final int STREAK = 20;
  private static final Duration ANSWER = Duration.ofSeconds(15);
  private static ClusterDatabase database;
  private static TestCluster cluster;
  private static List<Invite> invites;

  @BeforeAll
  static void loseANodeUnderLoad() {
    database = ClusterDatabase.create();
    cluster = TestCluster.start("FailoverIT", "all", database);
    Duration formed = cluster.awaitFormed();
    cluster.awaitProjectionsOn(TestCluster.START, 1, 2, 3);
    InviteLoad load = new InviteLoad(cluster, UUID.randomUUID().toString().substring(0, 8)).start(4, Duration.ofSeconds(60));
    long killedAt;
    try {
      Poll.until("30 invites answered before the kill", Duration.ofSeconds(30), () -> load.answered() >= 30);
      assertThat(cluster.entitiesOn(VICTIM, "invite-customer")).as("invite-customer entities on the victim").isPositive();
      assertThat(cluster.entitiesOn(VICTIM, TestCluster.PROJECTIONS)).as("projections on the victim").isPositive();
      load.restartStreaks();
      killedAt = System.nanoTime();
      cluster.node(VICTIM).kill();
      Poll.until("every surviving node answering " + STREAK + " new invites in a row", Duration.ofSeconds(45),
          () -> load.streak(SURVIVORS[0]) >= STREAK && load.streak(SURVIVORS[1]) >= STREAK);
      load.stopAfter(Duration.ofSeconds(10));
    } finally {
      load.stopAfter(Duration.ZERO);
    }
    invites = load.outcomes();
    long recoveredAt = killedAt;
    for (int node : SURVIVORS) {
      OptionalLong at = load.recoveredAt(node, killedAt);
      assertThat(at).as("node%d answers again after the kill", node).isPresent();
      recoveredAt = Math.max(recoveredAt, at.getAsLong());
    }
    System.out.printf("FailoverIT: cluster formed in %.1f s; node%d killed; all surviving nodes answered again %.1f s "
        + "after the kill%n", seconds(formed), VICTIM, (recoveredAt - killedAt) / 1e9);
    System.out.printf("FailoverIT: invites sent %d, answered %d, not answered %d (of which %d to the dead node)%n",
        invites.size(), invites.stream().filter(Invite::answered).count(),
        invites.stream().filter(i -> !i.answered()).count(),
        invites.stream().filter(i -> !i.answered() && i.node() == VICTIM && i.sentNanos() > killedAt).count());
  }

  @AfterAll
  static void stopCluster() {
    TestCluster.stop(cluster, database);
  }

  @Test
  @Order(1)
  void everyAnsweredInviteIsInTheViewWithItsId() {
    Map<String, String> view = database.invitedIdsByEmail();
    List<Invite> answered = invites.stream().filter(Invite::answered).toList();

    assertThat(answered).allSatisfy(invite -> {
      assertThat(view.get(invite.email())).as(invite.email()).isEqualTo(invite.id());
      JsonNode customer = Invite.customerByEmail(cluster.api(READER), invite.email()).orElseThrow();
      assertThat(customer.path("id").asText()).as(invite.email()).isEqualTo(invite.id());
      assertThat(customer.path("invited").asBoolean()).isTrue();
    });
    System.out.printf("FailoverIT: answered %d, of them in the view %d; sent and in the view %d%n", answered.size(),
        answered.stream().filter(i -> i.id().equals(view.get(i.email()))).count(),
        invites.stream().filter(i -> view.containsKey(i.email())).count());
  }

  @Test
  @Order(2)
  void noEmailHasTwoCustomerIds() {
    Map<String, String> view = database.invitedIdsByEmail();

    assertThat(database.duplicateEmails()).isEmpty();
    invites.stream().filter(i -> i.answered() || view.containsKey(i.email())).forEach(invite -> {
      HttpAnswer answer = cluster.api(SURVIVORS[1])
          .get("/customers?email=" + URLEncoder.encode(invite.email(), StandardCharsets.UTF_8));
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      assertThat(answer.json().path("id").asText()).isEqualTo(view.get(invite.email()));
    });
  }

  @Test
  @Order(3)
  void newInvitesAreAnsweredPromptlyAgainOnEverySurvivor() {
    for (int node : SURVIVORS) {
      for (int i = 0; i < 3; i++) {
        Invite invite = Invite.send(cluster.api(node), node, "after-" + UUID.randomUUID() + "@p14n.com", ANSWER);

        assertThat(invite.answered()).as(invite.toString()).isTrue();
        assertThat(invite.latency()).as(invite.toString()).isLessThan(Duration.ofSeconds(2));
      }
    }
  }

  @Test
  @Order(4)
  void theKilledNodeRejoinsAndServesInvites() {
    long restarted = System.nanoTime();
    NodeProcess victim = cluster.node(VICTIM).start();
    victim.awaitReady(TestCluster.START);
    cluster.awaitUpMembers(READER, 3, TestCluster.START);
    double rejoined = (System.nanoTime() - restarted) / 1e9;
    cluster.awaitProjectionsOn(TestCluster.START, 1, 2, 3);
    System.out.printf("FailoverIT: node%d rejoined (3 Up members) in %.1f s, projections spread %.1f s after restart%n",
        VICTIM, rejoined, (System.nanoTime() - restarted) / 1e9);

    Invite invite = Invite.send(cluster.api(VICTIM), VICTIM, "rejoined-" + UUID.randomUUID() + "@p14n.com", ANSWER);

    assertThat(invite.answered()).as(invite.toString()).isTrue();
    assertThat(Invite.customerByEmail(cluster.api(READER), invite.email()).orElseThrow().path("id").asText())
        .isEqualTo(invite.id());
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
