package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsunbundled.app.cluster.ClusterDatabase;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.CuttableProxy;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.app.support.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The link between a node and PostgreSQL is cut for 10 s (a TCP proxy, not the server) under load: requests fail
 * fast with a clear error, nothing acknowledged is lost, and the node serves again within 5 s of the link's return.
 */
class DatabaseOutageOnPostgresIT {

  private static final int CLIENTS = 4;
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  /** One answered request: when it was sent (ms since the start), how long it took, its status, body and id. */
  private record Answer(long sentAt, long millis, int status, String email, String body, String id) {}

  @Test
  void aTenSecondCutFailsRequestsFastLosesNothingAcknowledgedAndRecoversWithinFiveSeconds() throws Exception {
    ClusterDatabase database = ClusterDatabase.create();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicBoolean running = new AtomicBoolean(true);
    Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    try (CuttableProxy proxy = CuttableProxy.to("127.0.0.1", 5432)) {
      String proxied = database.url().replace(":5432/", ":" + proxy.port() + "/");
      try (Node node = NodeFixture.start(TestConfigs.postgresNode(proxied))) {
        ApiClient api = ApiClient.on(node.port());
        long start = System.currentTimeMillis();
        AtomicInteger sequence = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
          clients.submit(() -> {
            while (running.get()) {
              String email = "outage" + sequence.incrementAndGet() + "@p14n.com";
              long sent = System.currentTimeMillis();
              HttpAnswer answer = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"" + email + "\"}");
              answers.add(new Answer(sent - start, System.currentTimeMillis() - sent, answer.status(), email,
                  answer.body(), answer.status() == 200 ? answer.json().path("id").asText() : null));
            }
          });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ok(answers) >= 20);

        AtomicLong cutAt = new AtomicLong(System.currentTimeMillis() - start);
        AtomicLong restoredAt = new AtomicLong(Long.MAX_VALUE);
        proxy.cut();
        timer.schedule(() -> {
          proxy.restore();
          restoredAt.set(System.currentTimeMillis() - start);
        }, OUTAGE.toMillis(), TimeUnit.MILLISECONDS);

        await().atMost(OUTAGE.plusSeconds(20)).untilAsserted(() -> assertThat(answers.stream()
                .filter(a -> a.sentAt() > restoredAt.get()).toList())
            .as("answers since the link came back at %d ms", restoredAt.get())
            .anyMatch(a -> a.status() == 200));
        await().atMost(Duration.ofSeconds(10)).until(() -> answers.stream()
            .filter(a -> a.sentAt() > restoredAt.get() + 5_000).count() >= 10);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Answer> duringOutage = answers.stream()
            .filter(a -> a.sentAt() > cutAt.get() + 1_000 && a.sentAt() + a.millis() < restoredAt.get()).toList();
        assertThat(duringOutage).as("requests sent while the link was cut").isNotEmpty()
            .allSatisfy(a -> {
              assertThat(a.status()).as(a.body()).isIn(503, 504);
              assertThat(a.body()).contains("\"error\"");
            });
        long fast = duringOutage.stream().filter(a -> a.millis() < 100).count();
        assertThat(fast).as("refused at once while the node knows the database is gone")
            .isGreaterThan(duringOutage.size() * 9L / 10);
        long firstServed = answers.stream().filter(a -> a.status() == 200 && a.sentAt() > restoredAt.get())
            .mapToLong(a -> a.sentAt() + a.millis()).min().orElseThrow();
        assertThat(firstServed - restoredAt.get()).as("ms from the link's return to the first invite served")
            .isLessThan(5_000);
        assertThat(answers.stream().filter(a -> a.sentAt() > restoredAt.get() + 5_000))
            .as("every request from 5 s after the return").allSatisfy(a -> assertThat(a.status()).isEqualTo(200));

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        answers.stream().filter(a -> a.status() == 200)
            .forEach(a -> acknowledged.put(a.email(), a.id()));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(database.invitedIdsByEmail()).containsAllEntriesOf(acknowledged));
        System.out.printf("DatabaseOutageOnPostgresIT: %d requests, %d acknowledged; during the cut %d answered"
                + " 503/504, %d of them within 100 ms; first invite served %d ms after the link came back%n",
            answers.size(), acknowledged.size(), duringOutage.size(), fast, firstServed - restoredAt.get());
      }
    } finally {
      running.set(false);
      clients.shutdownNow();
      timer.shutdownNow();
      database.close();
    }
  }

  private static long ok(Queue<Answer> answers) {
    return answers.stream().filter(a -> a.status() == 200).count();
  }
}
