package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.Tuple3;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.util.Try;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The read journal's DAO on embedded H2. Its eventsByTag query bounds the tag index by the offset range (the
 * plugin's joins a derived table, and H2 then scans every row of the tag on each poll); its journal sequence
 * proves holes permanent from this process's own writes ({@link H2JournalDao}), the journal's only writer.
 */
public final class H2ReadJournalDao extends GapProvingReadJournalDao {

  private static final String EVENTS_BY_TAG = "SELECT j.\"ordering\", j.\"persistence_id\", j.\"sequence_number\","
      + " j.\"deleted\", j.\"writer\", j.\"write_timestamp\", j.\"adapter_manifest\", j.\"event_payload\","
      + " j.\"event_ser_id\", j.\"event_ser_manifest\", j.\"meta_payload\", j.\"meta_ser_id\", j.\"meta_ser_manifest\""
      + " FROM \"event_tag\" t JOIN \"event_journal\" j ON j.\"ordering\" = t.\"event_id\""
      + " WHERE t.\"tag\" = ? AND t.\"event_id\" > ? AND t.\"event_id\" <= ? AND j.\"deleted\" = FALSE"
      + " ORDER BY t.\"event_id\" LIMIT ?";

  private static final String JOURNAL_SEQUENCE =
      "SELECT \"ordering\" FROM \"event_journal\" WHERE \"ordering\" > ? ORDER BY \"ordering\" LIMIT ?";

  private final Serialization serialization;
  private final JournalWrites writes;

  public H2ReadJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, ReadJournalConfig config,
      Serialization serialization, ExecutionContext ec, Materializer mat) {
    super(db, profile, config, serialization, ec, mat, 0);
    this.serialization = serialization;
    this.writes = JournalWrites.get(serialization.system());
  }

  @Override
  public org.apache.pekko.stream.scaladsl.Source<Try<Tuple3<PersistentRepr, Set<String>, Object>>, NotUsed>
      eventsByTag(String tag, long offset, long maxOffset, long max) {
    return query(() -> events(tag, offset, maxOffset, max));
  }

  /** Settled is read before the query and the mark taken after it: a write the query missed began before the mark. */
  @Override
  JournalGaps.Look look(Connection connection, long offset, long limit, List<Long> orderings) throws SQLException {
    long settled = writes.isTracked() ? writes.settled() : Long.MIN_VALUE;
    try (PreparedStatement statement = connection.prepareStatement(JOURNAL_SEQUENCE)) {
      statement.setLong(1, offset);
      statement.setLong(2, limit);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          orderings.add(rs.getLong(1));
        }
      }
    }
    return new JournalGaps.Look(System.nanoTime(), settled, writes.mark());
  }

  private List<Try<Tuple3<PersistentRepr, Set<String>, Object>>> events(
      String tag, long offset, long maxOffset, long max) {
    try (Connection connection = connection();
        PreparedStatement statement = connection.prepareStatement(EVENTS_BY_TAG)) {
      statement.setString(1, tag);
      statement.setLong(2, offset);
      statement.setLong(3, maxOffset);
      statement.setLong(4, max);
      List<Try<Tuple3<PersistentRepr, Set<String>, Object>>> events = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          events.add(event(rs));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new IllegalStateException("eventsByTag(" + tag + ") failed: " + e.getMessage(), e);
    }
  }

  private Try<Tuple3<PersistentRepr, Set<String>, Object>> event(ResultSet rs) throws SQLException {
    long ordering = rs.getLong("ordering");
    long timestamp = rs.getLong("write_timestamp");
    String persistenceId = rs.getString("persistence_id");
    long sequenceNr = rs.getLong("sequence_number");
    boolean deleted = rs.getBoolean("deleted");
    String writer = rs.getString("writer");
    String adapterManifest = rs.getString("adapter_manifest");
    byte[] metaPayload = rs.getBytes("meta_payload");
    int metaSerId = rs.getInt("meta_ser_id");
    String metaManifest = rs.getString("meta_ser_manifest");
    return serialization.deserialize(rs.getBytes("event_payload"), rs.getInt("event_ser_id"),
            rs.getString("event_ser_manifest"))
        .map(payload -> {
          PersistentRepr repr = PersistentRepr.apply(payload, sequenceNr, persistenceId, adapterManifest, deleted,
              null, writer).withTimestamp(timestamp);
          if (metaPayload != null) {
            repr = repr.withMetadata(serialization.deserialize(metaPayload, metaSerId, metaManifest).get());
          }
          return new Tuple3<>(repr, scala.collection.immutable.Set$.MODULE$.<String>empty(), (Object) ordering);
        });
  }
}
