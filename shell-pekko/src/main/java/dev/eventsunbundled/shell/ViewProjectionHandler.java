package dev.eventsunbundled.shell;

import java.util.List;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Applies a group of events read from the journal to their view rows, in the projection's transaction; counts
 * an event the projector fails on (the group is retried; after enough failures the event becomes a dead letter).
 */
public final class ViewProjectionHandler<E, V extends Record>
    extends JdbcHandler<List<EventEnvelope<Object>>, Database.Session> {

  private final ViewWriter<E, V> writer;
  private final String tag;
  private final ShellMetrics metrics;

  ViewProjectionHandler(ViewWriter<E, V> writer, String tag, ShellMetrics metrics) {
    this.writer = writer;
    this.tag = tag;
    this.metrics = metrics;
  }

  /** Applies the group; counts what it applied (a group retried after a failed commit is counted again). */
  @Override
  public void process(Database.Session session, List<EventEnvelope<Object>> envelopes) throws Exception {
    List<EventEnvelope<Object>> applied;
    try {
      applied = session.withConnection(connection -> writer.applyPolled(connection, envelopes));
    } catch (EventFailed failed) {
      writer.failures().failed(failed.persistenceId(), failed.sequenceNr(), failed.getCause());
      throw failed;
    }
    String view = writer.table().view().name();
    long now = System.currentTimeMillis();
    for (EventEnvelope<Object> envelope : applied) {
      metrics.applied(view, tag, "poll", now - envelope.timestamp());
      Trace.step(Traced.correlationId(envelope.event()), "view {} applied {}#{} (from the journal)", view,
          envelope.persistenceId(), envelope.sequenceNr());
    }
  }
}
