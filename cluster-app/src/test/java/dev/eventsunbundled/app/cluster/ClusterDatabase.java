package dev.eventsunbundled.app.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A fresh schema of the local PostgreSQL database {@code test} for one test class; dropped on close. */
public final class ClusterDatabase implements AutoCloseable {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String USER = "postgres";

  private final String schema;

  private ClusterDatabase(String schema) {
    this.schema = schema;
  }

  public static ClusterDatabase create() {
    ClusterDatabase database = new ClusterDatabase("t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    database.execute("CREATE SCHEMA " + database.schema);
    return database;
  }

  /** The JDBC URL the nodes use: every table lands in this schema. */
  public String url() {
    return SERVER + "?currentSchema=" + schema;
  }

  /** Every customer in the view that is invited, id by email. */
  public Map<String, String> invitedIdsByEmail() {
    Map<String, String> ids = new HashMap<>();
    query("SELECT \"email\", \"id\" FROM view_customer WHERE \"invited\"", rows -> {
      while (rows.next()) {
        ids.put(rows.getString(1), rows.getString(2));
      }
    });
    return ids;
  }

  /** Emails that occur in more than one row of the view, with their counts. */
  Map<String, Long> duplicateEmails() {
    Map<String, Long> duplicates = new HashMap<>();
    query("SELECT \"email\", count(*) FROM view_customer GROUP BY \"email\" HAVING count(*) > 1", rows -> {
      while (rows.next()) {
        duplicates.put(rows.getString(1), rows.getLong(2));
      }
    });
    return duplicates;
  }

  @Override
  public void close() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private void query(String sql, RowsReader reader) {
    try (Connection connection = DriverManager.getConnection(url(), USER, "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      reader.read(rows);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Reads a result set. */
  private interface RowsReader {
    void read(ResultSet rows) throws SQLException;
  }
}
