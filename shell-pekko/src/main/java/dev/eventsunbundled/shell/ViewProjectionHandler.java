package dev.eventsunbundled.shell;

import java.util.List;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/** Applies a group of events read from the journal to their view rows, in the projection's transaction. */
public final class ViewProjectionHandler<E, V extends Record>
    extends JdbcHandler<List<EventEnvelope<Object>>, Database.Session> {

  private final ViewWriter<E, V> writer;

  ViewProjectionHandler(ViewWriter<E, V> writer) {
    this.writer = writer;
  }

  @Override
  public void process(Database.Session session, List<EventEnvelope<Object>> envelopes) throws Exception {
    session.withConnection(connection -> {
      writer.applyPolled(connection, envelopes);
      return null;
    });
  }
}
