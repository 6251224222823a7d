package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A view's progress table: per entity, the sequence number of the latest event the view has applied. An event
 * is applied in the transaction that claims it here; the claimed row stays locked until that transaction ends.
 */
final class ViewProgress {

  private final String table;
  private final SqlInsert insert;

  ViewProgress(String table, boolean postgres) {
    this.table = '"' + table + '"';
    this.insert = new SqlInsert("INSERT INTO " + this.table + " (\"sequence_nr\", \"persistence_id\") VALUES (?, ?)",
        "\"persistence_id\"", postgres);
  }

  /** The quoted table name. */
  String tableName() {
    return table;
  }

  String ddl() {
    return "CREATE TABLE IF NOT EXISTS " + table
        + " (\"persistence_id\" VARCHAR(255) NOT NULL PRIMARY KEY, \"sequence_nr\" BIGINT NOT NULL)";
  }

  /** The highest sequence number of this entity the view has applied (0 when none). */
  long appliedUpTo(Connection c, String persistenceId) throws SQLException {
    return appliedUpTo(c, List.of(persistenceId)).getOrDefault(persistenceId, 0L);
  }

  /** The highest sequence number applied, for those of these entities the view has applied anything of. */
  Map<String, Long> appliedUpTo(Connection c, Collection<String> persistenceIds) throws SQLException {
    Map<String, Long> applied = new HashMap<>();
    if (persistenceIds.isEmpty()) {
      return applied;
    }
    String in = String.join(", ", java.util.Collections.nCopies(persistenceIds.size(), "?"));
    try (PreparedStatement s = c.prepareStatement("SELECT \"persistence_id\", \"sequence_nr\" FROM " + table
        + " WHERE \"persistence_id\" IN (" + in + ")")) {
      int i = 1;
      for (String persistenceId : persistenceIds) {
        s.setString(i++, persistenceId);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          applied.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return applied;
  }

  /** Claims an entity's event if the view has applied only older ones (events read from the journal, in order). */
  boolean claim(Connection c, String persistenceId, long sequenceNr) throws SQLException {
    return advance(c, persistenceId, sequenceNr, "<", sequenceNr)
        || insert(c, persistenceId, sequenceNr)
        || advance(c, persistenceId, sequenceNr, "<", sequenceNr);
  }

  /** Claims an entity's event only if the last one the view applied is {@code previous} (0: none yet). */
  boolean claimNext(Connection c, String persistenceId, long sequenceNr, long previous) throws SQLException {
    return previous == 0
        ? insert(c, persistenceId, sequenceNr)
        : advance(c, persistenceId, sequenceNr, "=", previous);
  }

  private boolean advance(Connection c, String persistenceId, long sequenceNr, String comparison, long than)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET \"sequence_nr\" = ?"
        + " WHERE \"persistence_id\" = ? AND \"sequence_nr\" " + comparison + " ?")) {
      s.setLong(1, sequenceNr);
      s.setString(2, persistenceId);
      s.setLong(3, than);
      return s.executeUpdate() == 1;
    }
  }

  private boolean insert(Connection c, String persistenceId, long sequenceNr) throws SQLException {
    return insert.unlessPresent(c, s -> {
      s.setLong(1, sequenceNr);
      s.setString(2, persistenceId);
    });
  }
}
