package dev.eventsunbundled.testkit;

import dev.eventsunbundled.low.Projector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Given/when/then for a projector, with no test library: events in order, then the rows of its view. */
public final class ProjectorScenario<E, V extends Record> {

  private final Projector<E, V> projector;
  private final Map<String, V> rows = new LinkedHashMap<>();

  private ProjectorScenario(Projector<E, V> projector) {
    this.projector = projector;
  }

  public static <E, V extends Record> ProjectorScenario<E, V> of(Projector<E, V> projector) {
    return new ProjectorScenario<>(projector);
  }

  /** These events reach the projector, in order. */
  @SafeVarargs
  public final ProjectorScenario<E, V> given(E... events) {
    for (E event : events) {
      String key = projector.rowKey(event);
      rows.put(key, projector.project(rows.getOrDefault(key, projector.emptyRow(key)), event));
    }
    return this;
  }

  public Optional<V> row(String key) {
    return Optional.ofNullable(rows.get(key));
  }

  /** The view has exactly this row under its key; throws {@link AssertionError} otherwise. */
  public ProjectorScenario<E, V> expectRow(String key, V expected) {
    if (!Objects.equals(rows.get(key), expected)) {
      throw new AssertionError("Expected row " + key + " = " + expected + ", but it is " + rows.get(key));
    }
    return this;
  }
}
