package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Projector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Applies events to a view inside the caller's transaction, each at most once: the entity's progress row is
 * claimed first (and stays locked), then the projector folds the event into its row.
 */
final class ViewWriter<E, V extends Record> {

  private final Projector<E, V> projector;
  private final ViewTable<V> table;

  ViewWriter(Projector<E, V> projector, ViewTable<V> table) {
    this.projector = projector;
    this.table = table;
  }

  ViewTable<V> table() {
    return table;
  }

  /** An event read from the journal: applied unless the view already has it (or a newer one of its entity). */
  boolean applyPolled(Connection c, String persistenceId, long sequenceNr, Object event) throws SQLException {
    if (table.appliedUpTo(c, persistenceId) >= sequenceNr || !table.claim(c, persistenceId, sequenceNr)) {
      return false;
    }
    project(c, event);
    return true;
  }

  /** A pushed event: applied only if it is the next one of its entity for this view. */
  boolean applyPushed(Connection c, Pushed pushed) throws SQLException {
    if (!table.claimNext(c, pushed.persistenceId(), pushed.sequenceNr(), pushed.previous())) {
      return false;
    }
    project(c, pushed.event());
    return true;
  }

  private void project(Connection c, Object message) throws SQLException {
    if (!projector.input().isInstance(message)) {
      return;
    }
    E event = projector.input().cast(message);
    String key = projector.rowKey(event);
    Optional<V> current = table.find(c, key, true);
    if (current.isPresent()) {
      update(c, current.get(), event);
    } else if (!table.insertIfAbsent(c, projector.project(projector.emptyRow(key), event))) {
      update(c, table.find(c, key, true).orElseThrow(), event);
    }
  }

  private void update(Connection c, V current, E event) throws SQLException {
    V next = projector.project(current, event);
    if (!next.equals(current)) {
      table.update(c, next);
    }
  }
}
