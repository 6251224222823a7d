package dev.eventsunbundled.shell;

import java.util.TreeMap;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;

/**
 * The journal writes in flight in this JVM, by epoch: when this process is the journal's only writer (embedded
 * H2), a hole in {@code ordering} is permanent once every write begun before it was seen has ended.
 */
final class JournalWrites implements Extension {

  private static final Id ID = new Id();

  private final TreeMap<Long, Integer> inFlight = new TreeMap<>();
  private long epoch = 1;
  private boolean tracked;

  static JournalWrites get(ActorSystem system) {
    return ID.get(system);
  }

  /** The journal DAO calls this once: from now on every journal write is counted. */
  synchronized void track() {
    tracked = true;
  }

  synchronized boolean isTracked() {
    return tracked;
  }

  /** A write begins; pass the answer to {@link #end}. */
  synchronized long begin() {
    inFlight.merge(epoch, 1, Integer::sum);
    return epoch;
  }

  synchronized void end(long began) {
    inFlight.computeIfPresent(began, (e, n) -> n == 1 ? null : n - 1);
  }

  /** A new epoch: every write begun so far is before the answer. */
  synchronized long mark() {
    return ++epoch;
  }

  /** Every write begun before a mark lower than or equal to the answer has ended. */
  synchronized long settled() {
    return inFlight.isEmpty() ? epoch : inFlight.firstKey();
  }

  private static final class Id extends AbstractExtensionId<JournalWrites> {
    @Override
    public JournalWrites createExtension(ExtendedActorSystem system) {
      return new JournalWrites();
    }
  }
}
