package dev.eventsunbundled.app.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A client that keeps inviting new emails from a few threads, round-robin over all nodes, recording every outcome. */
final class InviteLoad {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(12);

  private final TestCluster cluster;
  private final String run;
  private final List<Thread> workers = new ArrayList<>();
  private final ConcurrentLinkedQueue<Invite> outcomes = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger[] streaks = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
  private volatile long streakSince = Long.MIN_VALUE;
  private volatile long deadline;

  InviteLoad(TestCluster cluster, String run) {
    this.cluster = cluster;
    this.run = run;
  }

  /** Starts {@code concurrency} senders that stop by themselves after {@code atMost}. */
  InviteLoad start(int concurrency, Duration atMost) {
    deadline = System.nanoTime() + atMost.toNanos();
    for (int i = 0; i < concurrency; i++) {
      Thread worker = new Thread(this::sendUntilStopped, "invite-load-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    return this;
  }

  /** From now on, count per node only invites sent after this moment toward {@link #streak}. */
  void restartStreaks() {
    streakSince = System.nanoTime();
    for (AtomicInteger streak : streaks) {
      streak.set(0);
    }
  }

  /** How many invites in a row, sent since {@link #restartStreaks}, this node answered (reset by each failure). */
  int streak(int node) {
    return streaks[node - 1].get();
  }

  long answered() {
    return outcomes.stream().filter(Invite::answered).count();
  }

  /** Stops sending {@code after} from now and waits for the requests in flight. */
  void stopAfter(Duration after) {
    deadline = Math.min(deadline, System.nanoTime() + after.toNanos());
    for (Thread worker : workers) {
      try {
        worker.join(after.plus(REQUEST_TIMEOUT).plusSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  List<Invite> outcomes() {
    return List.copyOf(outcomes);
  }

  /**
   * When {@code node} answered again for good after {@code since}: the first answer after its last failure
   * that ended after {@code since}; empty if it never answered after that failure.
   */
  OptionalLong recoveredAt(int node, long since) {
    long lastFailure = outcomes.stream()
        .filter(o -> o.node() == node && !o.answered() && o.doneNanos() > since)
        .mapToLong(Invite::sentNanos).max().orElse(since);
    return outcomes.stream()
        .filter(o -> o.node() == node && o.answered() && o.sentNanos() > lastFailure)
        .min(Comparator.comparingLong(Invite::doneNanos))
        .map(o -> OptionalLong.of(o.doneNanos())).orElse(OptionalLong.empty());
  }

  private void sendUntilStopped() {
    while (System.nanoTime() < deadline) {
      long n = sequence.getAndIncrement();
      int node = (int) (n % 3) + 1;
      Invite invite = Invite.send(cluster.api(node), node, "fo-" + run + "-" + n + "@p14n.com", REQUEST_TIMEOUT);
      outcomes.add(invite);
      if (invite.sentNanos() >= streakSince) {
        if (invite.answered()) {
          streaks[node - 1].incrementAndGet();
        } else {
          streaks[node - 1].set(0);
        }
      }
    }
  }
}
