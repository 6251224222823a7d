package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Inserts a row unless its key is taken (committed, or by a transaction that commits meanwhile), leaving the
 * transaction usable: {@code ON CONFLICT DO NOTHING} on PostgreSQL (one round trip), a savepoint around the
 * insert on H2 (in process).
 */
final class SqlInsert {

  private static final String UNIQUE_VIOLATION = "23505";

  /** Binds the statement's parameters. */
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private final String sql;
  private final boolean postgres;

  /** {@code insert} is a plain {@code INSERT INTO t (..) VALUES (..)} on a table whose key is {@code key}. */
  SqlInsert(String insert, String key, boolean postgres) {
    this.sql = postgres ? insert + " ON CONFLICT (" + key + ") DO NOTHING" : insert;
    this.postgres = postgres;
  }

  /** True when the row was inserted, false when its key was taken. */
  boolean unlessPresent(Connection c, Binder binder) throws SQLException {
    if (postgres) {
      return execute(c, binder) == 1;
    }
    Savepoint before = c.setSavepoint();
    try {
      execute(c, binder);
      c.releaseSavepoint(before);
      return true;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(before);
      return false;
    }
  }

  private int execute(Connection c, Binder binder) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    }
  }
}
