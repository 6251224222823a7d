package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * PostgreSQL: pushed events that each are the first of their entity, applied to a view in one statement (one round
 * trip instead of three per event): it claims them in the progress table in the order of the entities, inserts the
 * rows of those claimed unless present, in the order of their keys as Java sorts them (as {@link ViewWriter} locks
 * rows), and notes each row's event. The caller tells from the counts whether a claimed event's row was there
 * already, and then applies the batch the general way.
 */
final class FirstEventsStatement<V extends Record> {

  /** One event: its entity and sequence number, the key and row it makes (both null when the view ignores it). */
  record Item<V>(String persistenceId, long sequenceNr, String key, V row) {}

  /** The entities whose events were claimed, and how many rows were inserted. */
  record Outcome(Set<String> claimed, int inserted) {}

  private final ViewTable<V> table;

  FirstEventsStatement(ViewTable<V> table) {
    this.table = table;
  }

  /** {@code items} in the order of their entities, each entity once; the rows' keys distinct. */
  Outcome apply(Connection c, List<Item<V>> items) throws SQLException {
    List<Item<V>> rows = items.stream().filter(item -> item.row() != null)
        .sorted((a, b) -> a.key().compareTo(b.key())).toList();
    try (PreparedStatement s = c.prepareStatement(sql(items.size(), rows.size()))) {
      int i = 1;
      for (Item<V> item : items) {
        s.setLong(i++, item.sequenceNr());
        s.setString(i++, item.persistenceId());
      }
      List<Column> columns = table.insertColumns();
      for (Item<V> item : rows) {
        for (Column column : columns) {
          column.bind(s, i++, column.valueOf(item.row()));
        }
        s.setString(i++, item.persistenceId());
      }
      for (Item<V> item : rows) {
        s.setString(i++, item.key());
        s.setString(i++, item.persistenceId());
        s.setLong(i++, item.sequenceNr());
      }
      Set<String> claimed = new HashSet<>();
      int inserted = 0;
      try (ResultSet result = s.executeQuery()) {
        while (result.next()) {
          if (result.getBoolean(1)) {
            claimed.add(result.getString(2));
          } else {
            inserted++;
          }
        }
      }
      return new Outcome(claimed, inserted);
    }
  }

  private String sql(int events, int rows) {
    String claim = "WITH claimed AS (INSERT INTO " + table.progress().tableName()
        + " (\"sequence_nr\", \"persistence_id\") VALUES "
        + repeat(events, "(CAST(? AS BIGINT), CAST(? AS VARCHAR))")
        + " ON CONFLICT (\"persistence_id\") DO NOTHING RETURNING \"persistence_id\")";
    if (rows == 0) {
      return claim + " SELECT TRUE, \"persistence_id\" FROM claimed";
    }
    List<Column> columns = table.insertColumns();
    Column key = columns.get(columns.size() - 1);
    String names = columns.stream().map(Column::quoted).collect(Collectors.joining(", "));
    String aliases = columns.stream().map(column -> "c_" + column.name()).collect(Collectors.joining(", "));
    String values = columns.stream().map(column -> "CAST(? AS " + (column == key ? "VARCHAR" : column.sqlType())
        + "), ").collect(Collectors.joining()) + "CAST(? AS VARCHAR)";
    String numbered = IntStream.range(0, rows).mapToObj(place -> "(" + values + ", " + place + ")")
        .collect(Collectors.joining(", "));
    return claim
        + ", made AS (INSERT INTO \"" + table.tableName() + "\" (" + names + ") SELECT " + aliases
        + " FROM (VALUES " + numbered + ") AS v (" + aliases + ", entity, place)"
        + " WHERE entity IN (SELECT \"persistence_id\" FROM claimed) ORDER BY place"
        + " ON CONFLICT (" + key.quoted() + ") DO NOTHING RETURNING 1)"
        + ", noted AS (INSERT INTO " + table.rowEvents().tableName()
        + " (\"row_key\", \"persistence_id\", \"sequence_nr\") SELECT k, p, n FROM (VALUES "
        + repeat(rows, "(CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT))") + ") AS e (k, p, n)"
        + " WHERE p IN (SELECT \"persistence_id\" FROM claimed))"
        + " SELECT TRUE, \"persistence_id\" FROM claimed UNION ALL SELECT FALSE, NULL FROM made";
  }

  private static String repeat(int times, String group) {
    return String.join(", ", java.util.Collections.nCopies(times, group));
  }
}
