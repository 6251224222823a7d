package dev.eventsunbundled.shell;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Applies a group of events read from the journal to their view rows, in the projection's transaction; counts
 * an event the projector fails on (the group is retried; after enough failures the event becomes a dead letter).
 * The projection of a retired view generation reads on without writing; one being built writes without counting.
 */
public final class ViewProjectionHandler<E, V extends Record>
    extends JdbcHandler<List<EventEnvelope<Object>>, Database.Session> {

  private final ViewWriter<E, V> writer;
  private final String tag;
  private final ShellMetrics metrics;
  private final BooleanSupplier serving;
  private final BooleanSupplier retired;

  ViewProjectionHandler(ViewWriter<E, V> writer, String tag, ShellMetrics metrics) {
    this(writer, tag, metrics, () -> true, () -> false);
  }

  ViewProjectionHandler(ViewWriter<E, V> writer, String tag, ShellMetrics metrics, BooleanSupplier serving,
      BooleanSupplier retired) {
    this.writer = writer;
    this.tag = tag;
    this.metrics = metrics;
    this.serving = serving;
    this.retired = retired;
  }

  /** Applies the group; counts what it applied (a group retried after a failed commit is counted again). */
  @Override
  public void process(Database.Session session, List<EventEnvelope<Object>> envelopes) throws Exception {
    if (retired.getAsBoolean()) {
      return;
    }
    List<EventEnvelope<Object>> applied;
    try {
      applied = session.withConnection(connection -> writer.applyPolled(connection, envelopes));
    } catch (EventFailed failed) {
      writer.failures().failed(failed.persistenceId(), failed.sequenceNr(), failed.getCause());
      throw failed;
    }
    if (!serving.getAsBoolean()) {
      return;
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
