package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Projector;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/** Applies a group of events to their view rows and records each entity's progress, in the projection's transaction. */
public final class ViewProjectionHandler<E, V extends Record>
    extends JdbcHandler<List<EventEnvelope<Object>>, Database.Session> {

  private final Projector<E, V> projector;
  private final ViewTable<V> table;

  public ViewProjectionHandler(Projector<E, V> projector, ViewTable<V> table) {
    this.projector = projector;
    this.table = table;
  }

  @Override
  public void process(Database.Session session, List<EventEnvelope<Object>> envelopes) throws Exception {
    session.withConnection(connection -> {
      for (EventEnvelope<Object> envelope : envelopes) {
        apply(connection, envelope);
      }
      return null;
    });
  }

  private void apply(Connection connection, EventEnvelope<Object> envelope) throws Exception {
    long appliedUpTo = table.appliedUpTo(connection, envelope.persistenceId());
    if (envelope.sequenceNr() <= appliedUpTo) {
      return;
    }
    if (projector.input().isInstance(envelope.event())) {
      E event = projector.input().cast(envelope.event());
      String key = projector.rowKey(event);
      Optional<V> current = table.find(connection, key, true);
      if (current.isPresent()) {
        update(connection, current.get(), event);
      } else if (!table.insertIfAbsent(connection, projector.project(projector.emptyRow(key), event))) {
        update(connection, table.find(connection, key, true).orElseThrow(), event);
      }
    }
    table.markApplied(connection, envelope.persistenceId(), envelope.sequenceNr(), appliedUpTo == 0);
  }

  private void update(Connection connection, V current, E event) throws Exception {
    V next = projector.project(current, event);
    if (!next.equals(current)) {
      table.update(connection, next);
    }
  }
}
