package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Projector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * Applies events to a view inside the caller's transaction, each at most once: first every event's entity
 * progress is claimed in the order of the entities' ids (those rows stay locked), then the projector folds the claimed events into their rows,
 * taken in the order of their keys, so that transactions touching the same rows (pushed events of several tags,
 * a projection catching up) lock them in one order and never deadlock. A row's events keep their order.
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
   * Answers those it applied.
   */
  List<EventEnvelope<Object>> applyPolled(Connection c, List<EventEnvelope<Object>> envelopes) throws SQLException {
    ViewProgress progress = table.progress();
    Map<String, Long> applied = progress.appliedUpTo(c,
        envelopes.stream().map(EventEnvelope::persistenceId).collect(Collectors.toSet()));
    List<EventEnvelope<Object>> claimed = new ArrayList<>();
    for (EventEnvelope<Object> envelope : byEntity(envelopes, EventEnvelope::persistenceId)) {
      String persistenceId = envelope.persistenceId();
      long sequenceNr = envelope.sequenceNr();
      if (applied.getOrDefault(persistenceId, 0L) < sequenceNr && progress.claim(c, persistenceId, sequenceNr)) {
        claimed.add(envelope);
      }
      applied.merge(persistenceId, sequenceNr, Math::max);
    }
    project(c, claimed.stream().map(envelope -> Traced.event(envelope.event())).toList());
    return claimed;
  }

  /** Pushed events, in arrival order: each applied only if it is the next one of its entity; answers those. */
  List<Pushed> applyPushed(Connection c, List<Pushed> batch) throws SQLException {
    List<Pushed> claimed = new ArrayList<>();
    for (Pushed pushed : byEntity(batch, Pushed::persistenceId)) {
      if (table.progress().claimNext(c, pushed.persistenceId(), pushed.sequenceNr(), pushed.previous())) {
        claimed.add(pushed);
      }
    }
    project(c, claimed.stream().map(Pushed::event).toList());
    return claimed;
  }

  /** Stable: the events of one entity keep their order, the entities' progress rows are locked in one order. */
  private static <T> List<T> byEntity(List<T> events, Function<T, String> persistenceId) {
    return events.stream().sorted(Comparator.comparing(persistenceId)).toList();
  }

  /** A new row is inserted at once (the common case: one round trip); an existing one is locked, then updated. */
  private void project(Connection c, List<Object> claimed) throws SQLException {
    List<E> events = claimed.stream().filter(projector.input()::isInstance).map(projector.input()::cast)
        .sorted(Comparator.comparing(projector::rowKey)).toList();
    for (E event : events) {
      String key = projector.rowKey(event);
      if (!table.insertIfAbsent(c, projector.project(projector.emptyRow(key), event))) {
        V current = table.find(c, key, true).orElseThrow();
        V next = projector.project(current, event);
        if (!next.equals(current)) {
          table.update(c, next);
        }
      }
    }
  }
}
