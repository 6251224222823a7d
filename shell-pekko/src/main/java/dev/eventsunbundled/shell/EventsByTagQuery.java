package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.serialization.Serialization;
import scala.Tuple3;
import scala.collection.immutable.Set;
import scala.util.Try;

/**
 * The events of one tag in an offset range, read through the tag index bounded by that range: a poll costs what
 * it returns. (The plugin's query joins a derived table; H2 and PostgreSQL then read every row of the tag on
 * each poll, a cost that grows with the journal. A plain join is no better on H2: once its statistics say a tag
 * holds a quarter of the journal, it scans the whole journal table on every poll. The subquery keeps it on the
 * index on both databases.)
 */
final class EventsByTagQuery {

  private static final String SQL = "SELECT j.\"ordering\", j.\"persistence_id\", j.\"sequence_number\","
      + " j.\"deleted\", j.\"writer\", j.\"write_timestamp\", j.\"adapter_manifest\", j.\"event_payload\","
      + " j.\"event_ser_id\", j.\"event_ser_manifest\", j.\"meta_payload\", j.\"meta_ser_id\", j.\"meta_ser_manifest\""
      + " FROM \"event_journal\" j WHERE j.\"ordering\" IN (SELECT t.\"event_id\" FROM \"event_tag\" t"
      + " WHERE t.\"tag\" = ? AND t.\"event_id\" > ? AND t.\"event_id\" <= ? ORDER BY t.\"event_id\" LIMIT ?)"
      + " AND j.\"deleted\" = FALSE ORDER BY j.\"ordering\"";

  private final Serialization serialization;

  EventsByTagQuery(Serialization serialization) {
    this.serialization = serialization;
  }

  /** Events with {@code offset < ordering <= maxOffset}, at most {@code max}, in ordering, as the plugin wants them. */
  List<Try<Tuple3<PersistentRepr, Set<String>, Object>>> run(
      Connection connection, String tag, long offset, long maxOffset, long max) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
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
