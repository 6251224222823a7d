package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which journal events made each row of a view ({@code <view table>_events}: row key, entity, sequence number),
 * written in the transaction that applies them, so a row's history and its state at any instant are read back from
 * the journal and folded through the same projector.
 */
final class RowEvents {

  /** One journal event of a row, as stored: when it was written, by which entity, and its serialized form. */
  record Stored(String persistenceId, long sequenceNr, Instant writtenAt, int serializerId, String manifest,
      byte[] payload) {}

  private final String table;

  RowEvents(String viewTable) {
    this.table = '"' + viewTable + "_events\"";
  }

  String ddl() {
    return "CREATE TABLE IF NOT EXISTS " + table + " (\"row_key\" VARCHAR(255) NOT NULL,"
        + " \"persistence_id\" VARCHAR(255) NOT NULL, \"sequence_nr\" BIGINT NOT NULL,"
        + " PRIMARY KEY (\"row_key\", \"persistence_id\", \"sequence_nr\"))";
  }

  /** Notes that these events were applied to these rows, in one batch. */
  void record(Connection c, List<String> keys, List<String> persistenceIds, List<Long> sequenceNrs)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table
        + " (\"row_key\", \"persistence_id\", \"sequence_nr\") VALUES (?, ?, ?)")) {
      for (int i = 0; i < keys.size(); i++) {
        s.setString(1, keys.get(i));
        s.setString(2, persistenceIds.get(i));
        s.setLong(3, sequenceNrs.get(i));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The row's events from the journal, in the order they were written. */
  List<Stored> of(Connection c, String key) throws SQLException {
    List<Stored> events = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT j.\"persistence_id\", j.\"sequence_number\","
        + " j.\"write_timestamp\", j.\"event_ser_id\", j.\"event_ser_manifest\", j.\"event_payload\""
        + " FROM " + table + " r JOIN \"event_journal\" j ON j.\"persistence_id\" = r.\"persistence_id\""
        + " AND j.\"sequence_number\" = r.\"sequence_nr\" WHERE r.\"row_key\" = ?"
        + " ORDER BY j.\"write_timestamp\", j.\"ordering\"")) {
      s.setString(1, key);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          events.add(new Stored(rows.getString(1), rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3)),
              rows.getInt(4), rows.getString(5), rows.getBytes(6)));
        }
      }
    }
    return events;
  }
}
