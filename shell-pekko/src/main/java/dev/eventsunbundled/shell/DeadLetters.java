package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dead-letter table: per consumer (a view projection), the event it gave up on after repeated failures
 * ({@code failed}, with the error) and the later events of that entity parked behind it ({@code waiting}), each
 * stored as the journal stores it. Rows are written in the consumer's own transaction, the one that moves past them.
 */
final class DeadLetters {

  static final String FAILED = "failed";
  static final String WAITING = "waiting";
  static final String TABLE = "\"events_unbundled_dead_letters\"";
  private static final int MAX_ERROR = 2000;

  /** One stored letter; {@code payload} is the serialized journal event (null in listings). */
  record Letter(String consumer, String persistenceId, long sequenceNr, String state, String error, long recordedAt,
      int serializerId, String manifest, byte[] payload) {}

  private final boolean postgres;
  private final SqlInsert insert;

  DeadLetters(boolean postgres) {
    this.postgres = postgres;
    this.insert = new SqlInsert("INSERT INTO " + TABLE + " (\"consumer\", \"persistence_id\", \"sequence_nr\","
        + " \"state\", \"error\", \"recorded_at\", \"serializer_id\", \"manifest\", \"payload\")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "\"consumer\", \"persistence_id\", \"sequence_nr\"", postgres);
  }

  String ddl() {
    return "CREATE TABLE IF NOT EXISTS " + TABLE + " (\"consumer\" VARCHAR(255) NOT NULL,"
        + " \"persistence_id\" VARCHAR(255) NOT NULL, \"sequence_nr\" BIGINT NOT NULL, \"state\" VARCHAR(16) NOT NULL,"
        + " \"error\" VARCHAR(" + MAX_ERROR + "), \"recorded_at\" BIGINT NOT NULL, \"serializer_id\" INTEGER NOT NULL,"
        + " \"manifest\" VARCHAR(255) NOT NULL, \"payload\" " + (postgres ? "BYTEA" : "VARBINARY") + " NOT NULL,"
        + " PRIMARY KEY (\"consumer\", \"persistence_id\", \"sequence_nr\"))";
  }

  /** Those of these entities that have letters of this consumer: their events must wait. */
  Set<String> blocked(Connection c, String consumer, Collection<String> persistenceIds) throws SQLException {
    Set<String> blocked = new HashSet<>();
    if (persistenceIds.isEmpty()) {
      return blocked;
    }
    String in = String.join(", ", Collections.nCopies(persistenceIds.size(), "?"));
    try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT \"persistence_id\" FROM " + TABLE
        + " WHERE \"consumer\" = ? AND \"persistence_id\" IN (" + in + ")")) {
      s.setString(1, consumer);
      int i = 2;
      for (String persistenceId : persistenceIds) {
        s.setString(i++, persistenceId);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          blocked.add(rows.getString(1));
        }
      }
    }
    return blocked;
  }

  /** Records a letter unless this consumer has that event already. */
  void add(Connection c, Letter letter) throws SQLException {
    insert.unlessPresent(c, s -> {
      s.setString(1, letter.consumer());
      s.setString(2, letter.persistenceId());
      s.setLong(3, letter.sequenceNr());
      s.setString(4, letter.state());
      s.setString(5, letter.error() == null || letter.error().length() <= MAX_ERROR
          ? letter.error() : letter.error().substring(0, MAX_ERROR));
      s.setLong(6, letter.recordedAt());
      s.setInt(7, letter.serializerId());
      s.setString(8, letter.manifest());
      s.setBytes(9, letter.payload());
    });
  }

  /** Every letter (without payloads), or one consumer's letters of one entity (with payloads), in order. */
  List<Letter> find(Connection c, String consumer, String persistenceId) throws SQLException {
    boolean one = consumer != null;
    String sql = "SELECT \"consumer\", \"persistence_id\", \"sequence_nr\", \"state\", \"error\", \"recorded_at\","
        + " \"serializer_id\", \"manifest\"" + (one ? ", \"payload\"" : "") + " FROM " + TABLE
        + (one ? " WHERE \"consumer\" = ? AND \"persistence_id\" = ?" : "")
        + " ORDER BY \"consumer\", \"persistence_id\", \"sequence_nr\"";
    List<Letter> letters = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (one) {
        s.setString(1, consumer);
        s.setString(2, persistenceId);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          letters.add(new Letter(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
              rows.getString(5), rows.getLong(6), rows.getInt(7), rows.getString(8), one ? rows.getBytes(9) : null));
        }
      }
    }
    return letters;
  }

  /** How many letters there are in each state. */
  Map<String, Long> countByState(Connection c) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT \"state\", COUNT(*) FROM " + TABLE + " GROUP BY \"state\"");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
    }
    return counts;
  }

  /** Removes one consumer's letters of one entity up to {@code sequenceNr}; answers how many. */
  int remove(Connection c, String consumer, String persistenceId, long sequenceNr) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE
        + " WHERE \"consumer\" = ? AND \"persistence_id\" = ? AND \"sequence_nr\" <= ?")) {
      s.setString(1, consumer);
      s.setString(2, persistenceId);
      s.setLong(3, sequenceNr);
      return s.executeUpdate();
    }
  }
}
