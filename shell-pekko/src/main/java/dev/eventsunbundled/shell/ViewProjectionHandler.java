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
      V next = projector.project(current.orElseGet(() -> projector.emptyRow(key)), event);
      if (current.isEmpty() || !current.get().equals(next)) {
        table.save(connection, next, current.isPresent());
      }
    }
    table.markApplied(connection, envelope.persistenceId(), envelope.sequenceNr(), appliedUpTo == 0);
  }
}
