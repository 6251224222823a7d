package dev.eventsunbundled.app.counter;

import dev.eventsunbundled.app.counter.Counting.CounterRow;
import dev.eventsunbundled.app.counter.Counting.Incremented;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.View;
import java.util.List;

/** project-counter: the {@code counter} view, one row per counter with its total. */
final class CounterProjector implements Projector<Incremented, CounterRow> {

  static final String CHANNEL = "counter";
  static final View<CounterRow> VIEW = new View<>("counter", CounterRow.class, "id", List.of());

  @Override
  public Meta meta() {
    return Meta.of("project-counter", List.of(CHANNEL), VIEW.name());
  }

  @Override
  public Class<Incremented> input() {
    return Incremented.class;
  }

  @Override
  public View<CounterRow> view() {
    return VIEW;
  }

  @Override
  public String rowKey(Incremented event) {
    return event.counter();
  }

  @Override
  public CounterRow emptyRow(String key) {
    return new CounterRow(key, 0);
  }

  @Override
  public CounterRow project(CounterRow row, Incremented event) {
    return new CounterRow(row.id(), row.total() + event.by());
  }
}
