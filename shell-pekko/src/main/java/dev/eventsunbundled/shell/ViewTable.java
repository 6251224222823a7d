package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.View;
import java.lang.reflect.Constructor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One generation of a view as SQL: a table whose columns are the row record's components, plus its
 * {@link ViewProgress} table remembering, per entity, the highest sequence number the view has applied, and its
 * {@link RowEvents} table naming the events that made each row. The first generation is {@code view_<name>}, a
 * rebuild's is {@code view_<name>_v<n>} ({@link ViewVersions}). A table made for an older record keeps serving
 * until its successor is built: it reads and writes the columns it has, a component it lacks reads as its default.
 */
public final class ViewTable<V extends Record> {

  private final View<V> view;
  private final int generation;
  private final List<Column> columns;
  private final List<Column> stored;
  private final Column key;
  private final Constructor<V> constructor;
  private final String table;
  private final ViewProgress progress;
  private final RowEvents rowEvents;
  private final SqlInsert insert;

  /** The first generation, with a column for every component. */
  public ViewTable(View<V> view, boolean postgres) {
    this(view, 1, signature(view), postgres);
  }

  /** A generation whose table has the columns of {@code signature} ({@link #signature}) that the record still has. */
  ViewTable(View<V> view, int generation, String signature, boolean postgres) {
    this.view = view;
    this.generation = generation;
    this.columns = Arrays.stream(view.row().getRecordComponents()).map(Column::of).toList();
    List<String> present = Arrays.stream(signature.split(", ")).map(c -> c.replace(" PRIMARY KEY", "")).toList();
    this.stored = columns.stream().filter(c -> present.contains(c.name() + " " + c.sqlType())).toList();
    this.key = column(view.key());
    if (!stored.contains(key)) {
      throw new IllegalArgumentException("View " + view.name() + " generation " + generation + " has no key column "
          + key.name() + "; it cannot serve " + view.row().getSimpleName());
    }
    this.table = "view_" + Column.snakeCase(view.name()) + (generation == 1 ? "" : "_v" + generation);
    this.progress = new ViewProgress(table + "_progress", postgres);
    this.rowEvents = new RowEvents(table);
    this.insert = new SqlInsert("INSERT INTO " + q(table) + " (" + others().stream().map(Column::quoted)
        .collect(Collectors.joining(", ")) + ", " + key.quoted() + ") VALUES (" + "?, ".repeat(others().size())
        + "?)", key.quoted(), postgres);
    try {
      Class<?>[] types = Arrays.stream(view.row().getRecordComponents()).map(c -> c.getType()).toArray(Class[]::new);
      this.constructor = view.row().getDeclaredConstructor(types);
      this.constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("No canonical constructor on " + view.row(), e);
    }
    view.indexed().forEach(this::column);
  }

  /**
   * The columns a record of this view needs, with their SQL types, in order, and which is the key (e.g. {@code id
   * VARCHAR PRIMARY KEY, invited BOOLEAN}); when it changes, the view is rebuilt into a new generation.
   */
  static String signature(View<?> view) {
    String key = Column.snakeCase(view.key());
    return Arrays.stream(view.row().getRecordComponents()).map(Column::of)
        .map(c -> c.name() + " " + c.sqlType() + (c.name().equals(key) ? " PRIMARY KEY" : ""))
        .collect(Collectors.joining(", "));
  }

  public View<V> view() {
    return view;
  }

  int generation() {
    return generation;
  }

  /** The table's name, unquoted. */
  String tableName() {
    return table;
  }

  ViewProgress progress() {
    return progress;
  }

  RowEvents rowEvents() {
    return rowEvents;
  }

  /** Idempotent DDL: the view table, its indexes, its progress table and its row-events table. */
  public List<String> ddl() {
    List<String> ddl = new ArrayList<>();
    String cols = stored.stream()
        .map(c -> c.quoted() + " " + (c == key ? "VARCHAR(255) NOT NULL PRIMARY KEY" : c.sqlType()))
        .collect(Collectors.joining(", "));
    ddl.add("CREATE TABLE IF NOT EXISTS " + q(table) + " (" + cols + ")");
    for (String indexed : view.indexed()) {
      Column c = column(indexed);
      if (!stored.contains(c)) {
        continue;
      }
      ddl.add("CREATE INDEX IF NOT EXISTS " + q(table + "_" + c.name()) + " ON " + q(table) + " (" + c.quoted() + ")");
    }
    ddl.add(progress.ddl());
    ddl.add(rowEvents.ddl());
    return ddl;
  }

  public Optional<V> find(Connection c, String keyValue, boolean forUpdate) throws SQLException {
    String sql = "SELECT * FROM " + q(table) + " WHERE " + key.quoted() + " = ?" + (forUpdate ? " FOR UPDATE" : "");
    List<V> rows = query(c, sql, key, keyValue);
    return rows.stream().findFirst();
  }

  public List<V> findBy(Connection c, String component, Object value) throws SQLException {
    Column column = column(component);
    if (!stored.contains(column)) {
      throw new IllegalArgumentException("View " + view.name() + " cannot be searched by " + component
          + " until its rebuild has finished");
    }
    return query(c, "SELECT * FROM " + q(table) + " WHERE " + column.quoted() + " = ? ORDER BY " + key.quoted(),
        column, value);
  }

  public void update(Connection c, V row) throws SQLException {
    write(c, "UPDATE " + q(table) + " SET " + others().stream().map(col -> col.quoted() + " = ?")
        .collect(Collectors.joining(", ")) + " WHERE " + key.quoted() + " = ?", row);
  }

  /**
   * Inserts the row unless another transaction inserted the same key first (two projection instances
   * can create one row from events on different tags); returns false then, and the caller updates it.
   */
  public boolean insertIfAbsent(Connection c, V row) throws SQLException {
    return insert.unlessPresent(c, statement -> bind(statement, row));
  }

  private void write(Connection c, String sql, V row) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, row);
      statement.executeUpdate();
    }
  }

  /** The row's values in statement order: every other column, then the key. */
  private void bind(PreparedStatement statement, V row) throws SQLException {
    int i = 1;
    for (Column col : others()) {
      col.bind(statement, i++, col.valueOf(row));
    }
    key.bind(statement, i, key.valueOf(row));
  }

  private List<Column> others() {
    return stored.stream().filter(col -> col != key).toList();
  }

  private List<V> query(Connection c, String sql, Column column, Object value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      column.bind(s, 1, value);
      try (ResultSet rs = s.executeQuery()) {
        List<V> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(toRow(rs));
        }
        return rows;
      }
    }
  }

  private V toRow(ResultSet rs) throws SQLException {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Column column = columns.get(i);
      values[i] = stored.contains(column) ? column.read(rs) : column.defaultValue();
    }
    try {
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build a " + view.row().getSimpleName() + " row", e);
    }
  }

  private Column column(String component) {
    return columns.stream().filter(c -> c.component().getName().equals(component)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "View " + view.name() + " has no component " + component + " in " + view.row().getSimpleName()));
  }

  private static String q(String identifier) {
    return '"' + identifier + '"';
  }
}
