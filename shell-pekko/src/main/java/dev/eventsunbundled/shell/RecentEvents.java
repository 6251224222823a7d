package dev.eventsunbundled.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/** The last events this node's entities recorded, newest first, with the correlation ids of their requests. */
public final class RecentEvents implements Extension {

  private static final int KEEP = 20;

  /** One recorded event: when, by which function, as which entity's sequence number, of which type. */
  public record Recent(long timestamp, String function, String persistenceId, long sequenceNr, String type,
      String correlationId) {}

  private static final ExtensionId<RecentEvents> ID = new ExtensionId<>() {
    @Override
    public RecentEvents createExtension(ActorSystem<?> system) {
      return new RecentEvents();
    }
  };

  private final ArrayDeque<Recent> events = new ArrayDeque<>(KEEP);

  public static RecentEvents get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  synchronized void add(String function, String persistenceId, long sequenceNr, Object event, String correlationId) {
    if (events.size() == KEEP) {
      events.removeLast();
    }
    events.addFirst(new Recent(System.currentTimeMillis(), function, persistenceId, sequenceNr,
        event.getClass().getSimpleName(), correlationId));
  }

  public synchronized List<Recent> newestFirst() {
    return new ArrayList<>(events);
  }
}
