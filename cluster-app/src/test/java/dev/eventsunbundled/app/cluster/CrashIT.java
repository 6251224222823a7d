package dev.eventsunbundled.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsunbundled.app.support.ApiClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One node, killed with SIGKILL the moment it has answered an invite, round after round, on H2 and on PostgreSQL:
 * every acknowledged invite is there after the restart with its id (those of the round just killed after each
 * restart, all of them after the last), and a new invite right after a restart is answered without waiting on a
 * timeout (resolve timeout 5 s): within 3 s, where a cold JVM's first invite takes 0.2-1.1 s on two busy cores.
 */
class CrashIT {

  private static final int ROUNDS = 8;
  private static final int CLIENTS = 3;
  private static final Duration ANSWER = Duration.ofSeconds(10);
  private static final Duration PROMPT = Duration.ofSeconds(3);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgres"})
  void acknowledgedInvitesSurviveAKillAndTheNextInviteIsAnsweredPromptly(String store) {
    ClusterDatabase database = store.equals("postgres") ? ClusterDatabase.create() : null;
    List<String> properties = database == null
        ? List.of("-Devents-unbundled.db.data-dir=" + Path.of("target", "crash-it", UUID.randomUUID().toString())
            .toAbsolutePath())
        : List.of("-Dconfig.resource=single-postgres.conf", "-Devents-unbundled.db.url=" + database.url());
    NodeProcess.Ports ports = NodeProcess.Ports.free();
    ApiClient api = ApiClient.on(ports.http());
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    Map<String, String> lastRound = new ConcurrentHashMap<>();
    List<Duration> firstAnswers = new ArrayList<>();
    List<Double> killDelaysMillis = new ArrayList<>();
    try (NodeProcess node = new NodeProcess("CrashIT-" + store, 1, ports, properties)) {
      for (int round = 1; round <= ROUNDS + 1; round++) {
        node.start().awaitReady(TestCluster.START);
        if (round > 1) {
          Invite fresh = Invite.send(api, 1, "fresh-" + round + "-" + UUID.randomUUID() + "@p14n.com", ANSWER);
          assertThat(fresh.answered()).as("first invite after restart %d: %s", round - 1, fresh).isTrue();
          assertThat(fresh.latency()).as("first invite after restart %d", round - 1).isLessThan(PROMPT);
          firstAnswers.add(fresh.latency());
          acknowledged.put(fresh.email(), fresh.id());
          assertAllThere(api, round <= ROUNDS ? lastRound : acknowledged);
        }
        if (round <= ROUNDS) {
          lastRound.clear();
          killDelaysMillis.add(killAfterAnswers(node, api, store + "-" + round, 3 + 2 * round, lastRound));
          acknowledged.putAll(lastRound);
        }
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
    System.out.printf("CrashIT %s: %d rounds, %d acknowledged invites, 0 lost; kill %.1f ms (max) after an answer;"
            + " first new invite after restart: %s%n", store, ROUNDS, acknowledged.size(),
        killDelaysMillis.stream().mapToDouble(d -> d).max().orElse(0),
        firstAnswers.stream().map(d -> d.toMillis() + " ms").toList());
  }

  /** Invites from several clients until {@code answers} are acknowledged, then kills the node at once. */
  private static double killAfterAnswers(NodeProcess node, ApiClient api, String run, int answers,
      Map<String, String> acknowledged) {
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicLong killDelay = new AtomicLong();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread thread = new Thread(() -> {
        for (int i = 0; !killed.get(); i++) {
          Invite invite = Invite.send(api, 1, "crash-" + run + "-" + client + "-" + i + "@p14n.com", ANSWER);
          if (invite.answered() && !killed.get()) {
            acknowledged.put(invite.email(), invite.id());
            if (answered.incrementAndGet() == answers && killed.compareAndSet(false, true)) {
              killDelay.set(System.nanoTime() - invite.doneNanos());
              node.kill();
            }
          }
        }
      });
      thread.start();
      clients.add(thread);
    }
    for (Thread client : clients) {
      try {
        client.join(Duration.ofSeconds(60).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    assertThat(killed).as("the node was killed after %d answers", answers).isTrue();
    return killDelay.get() / 1e6;
  }

  private static void assertAllThere(ApiClient api, Map<String, String> acknowledged) {
    acknowledged.forEach((email, id) -> {
      JsonNode customer = Invite.customerByEmail(api, email).orElse(null);
      assertThat(customer).as("the view has %s", email).isNotNull();
      assertThat(customer.path("id").asText()).as(email).isEqualTo(id);
      Invite again = Invite.send(api, 1, email, ANSWER);
      assertThat(again.id()).as("inviting %s again: %s", email, again).isEqualTo(id);
    });
  }
}
