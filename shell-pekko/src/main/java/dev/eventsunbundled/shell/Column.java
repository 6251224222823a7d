package dev.eventsunbundled.shell;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/** One record component of a view row as an SQL column: its name, type, and how values cross JDBC. */
record Column(RecordComponent component, Method accessor, String name, String sqlType) {

  /** The column of a component; its accessor is made accessible, so a row record need not be public. */
  static Column of(RecordComponent component) {
    Method accessor = component.getAccessor();
    accessor.setAccessible(true);
    return new Column(component, accessor, snakeCase(component.getName()), sqlType(component.getType()));
  }

  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
  }

  String quoted() {
    return '"' + name + '"';
  }

  Object valueOf(Record row) {
    try {
      return accessor.invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + component, e);
    }
  }

  void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    Class<?> type = component.getType();
    if (value == null) {
      statement.setObject(index, null);
    } else if (type == UUID.class || type.isEnum()) {
      statement.setString(index, value.toString());
    } else if (type == Instant.class) {
      statement.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
    } else {
      statement.setObject(index, value);
    }
  }

  Object read(ResultSet rs) throws SQLException {
    Class<?> type = component.getType();
    if (type == String.class) {
      return rs.getString(name);
    }
    if (type == UUID.class) {
      String text = rs.getString(name);
      return text == null ? null : UUID.fromString(text);
    }
    if (type == Instant.class) {
      OffsetDateTime time = rs.getObject(name, OffsetDateTime.class);
      return time == null ? null : time.toInstant();
    }
    if (type.isEnum()) {
      String text = rs.getString(name);
      return text == null ? null : enumValue(type, text);
    }
    Object value = primitiveOrBoxed(rs, type);
    return rs.wasNull() && !type.isPrimitive() ? null : value;
  }

  /** What a component reads as from a table that lacks its column: zero or false for a primitive, else null. */
  Object defaultValue() {
    Class<?> type = component.getType();
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    return type == long.class ? (Object) 0L : (Object) 0.0;
  }

  private Object primitiveOrBoxed(ResultSet rs, Class<?> type) throws SQLException {
    if (type == boolean.class || type == Boolean.class) {
      return rs.getBoolean(name);
    }
    if (type == int.class || type == Integer.class) {
      return rs.getInt(name);
    }
    if (type == long.class || type == Long.class) {
      return rs.getLong(name);
    }
    return rs.getDouble(name);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String text) {
    return Enum.valueOf((Class) type, text);
  }

  private static String sqlType(Class<?> type) {
    if (type == String.class || type == UUID.class || type.isEnum()) {
      return "VARCHAR";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "BOOLEAN";
    }
    if (type == int.class || type == Integer.class) {
      return "INTEGER";
    }
    if (type == long.class || type == Long.class) {
      return "BIGINT";
    }
    if (type == double.class || type == Double.class) {
      return "DOUBLE PRECISION";
    }
    if (type == Instant.class) {
      return "TIMESTAMP WITH TIME ZONE";
    }
    throw new IllegalArgumentException("A view column cannot hold " + type.getName()
        + "; use String, boolean, int, long, double, UUID, Instant or an enum");
  }
}
