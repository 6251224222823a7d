package dev.eventsunbundled.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * Rows a view's push applier has just committed for requests waiting on this node, kept for the waiting resolver so
 * it need not read them back. A resolver that finds none here (its event reached the view from the journal, or on
 * another node) reads the view; rows nobody took are dropped, oldest first, beyond {@value #KEPT}.
 */
final class ProjectedRows implements Extension {

  private static final int KEPT = 4096;

  private record Key(String view, String persistenceId, long sequenceNr, String rowKey) {}

  private static final ExtensionId<ProjectedRows> ID = new ExtensionId<>() {
    @Override
    public ProjectedRows createExtension(ActorSystem<?> system) {
      return new ProjectedRows();
    }
  };

  private final Map<Key, Record> rows = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Record> eldest) {
      return size() > KEPT;
    }
  };

  private ProjectedRows() {}

  static ProjectedRows get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  /** The row under {@code rowKey} as the view's transaction that applied the entity's event committed it. */
  synchronized void put(String view, String persistenceId, long sequenceNr, String rowKey, Record row) {
    rows.put(new Key(view, persistenceId, sequenceNr, rowKey), row);
  }

  /** The row the view committed with the token's event, if it is the one asked for and still here; removes it. */
  @SuppressWarnings("unchecked")
  synchronized <V extends Record> Optional<V> take(String view, Token token, String rowKey) {
    return Optional.ofNullable((V) rows.remove(new Key(view, token.persistenceId(), token.sequenceNr(), rowKey)));
  }
}
