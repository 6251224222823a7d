package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Projector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

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

  /**
   * Events read from the journal, in its order: each applied unless the view already has it (or a newer one of
   * its entity). One query tells what the view has of all their entities, so events pushed before cost no more.
   */
  void applyPolled(Connection c, List<EventEnvelope<Object>> envelopes) throws SQLException {
    ViewProgress progress = table.progress();
    Map<String, Long> applied = progress.appliedUpTo(c,
        envelopes.stream().map(EventEnvelope::persistenceId).collect(Collectors.toSet()));
    for (EventEnvelope<Object> envelope : envelopes) {
      String persistenceId = envelope.persistenceId();
      long sequenceNr = envelope.sequenceNr();
      if (applied.getOrDefault(persistenceId, 0L) < sequenceNr && progress.claim(c, persistenceId, sequenceNr)) {
        project(c, envelope.event());
      }
      applied.merge(persistenceId, sequenceNr, Math::max);
    }
  }

  /** A pushed event: applied only if it is the next one of its entity for this view. */
  boolean applyPushed(Connection c, Pushed pushed) throws SQLException {
    if (!table.progress().claimNext(c, pushed.persistenceId(), pushed.sequenceNr(), pushed.previous())) {
      return false;
    }
    project(c, pushed.event());
    return true;
  }

  /** A new row is inserted at once (the common case: one round trip); an existing one is locked, then updated. */
  private void project(Connection c, Object message) throws SQLException {
    if (!projector.input().isInstance(message)) {
      return;
    }
    E event = projector.input().cast(message);
    String key = projector.rowKey(event);
    if (!table.insertIfAbsent(c, projector.project(projector.emptyRow(key), event))) {
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
