package dev.eventsunbundled.app;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Whether the journal database answered at its last check (one trivial query every second): while it does not,
 * the API refuses requests at once instead of letting each wait for its own timeout.
 */
final class DatabaseGate {

  private static final Duration EVERY = Duration.ofSeconds(1);
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private final AtomicBoolean open = new AtomicBoolean(true);
  private final AtomicBoolean checking = new AtomicBoolean();

  private DatabaseGate() {}

  static DatabaseGate watch(ActorSystem<?> system) {
    DatabaseGate gate = new DatabaseGate();
    JournalProbe probe = JournalProbe.get(system);
    system.scheduler().scheduleWithFixedDelay(EVERY, EVERY, () -> {
      if (gate.checking.compareAndSet(false, true)) {
        Futures.within(probe.reachable(), CHECK_TIMEOUT)
            .exceptionally(failure -> false)
            .thenAccept(reachable -> {
              gate.open.set(reachable);
              gate.checking.set(false);
            });
      }
    }, system.executionContext());
    return gate;
  }

  boolean open() {
    return open.get();
  }
}
