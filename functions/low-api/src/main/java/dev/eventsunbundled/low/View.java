package dev.eventsunbundled.low;

import java.util.List;
import java.util.Objects;

/**
 * A read view: rows of a record type, found by a key component and optionally by indexed components.
 *
 * @param name the view's name (a shell may turn it into a table name)
 * @param row the record type of a row; its components are the view's columns
 * @param key the component that identifies a row
 * @param indexed components a row can also be looked up by
 */
public record View<V extends Record>(String name, Class<V> row, String key, List<String> indexed) {

  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(key, "key");
    indexed = List.copyOf(indexed);
  }
}
