package dev.eventsunbundled.app.counter;

import dev.eventsunbundled.low.Notice;
import dev.eventsunbundled.low.Persisted;

/** The counter process's messages: a second, unrelated process registered through the public API in tests. */
final class Counting {

  private Counting() {}

  /** Command: add {@code by} (1 when absent) to a counter. */
  record Increment(String counter, Integer by) implements Persisted {}

  /** Event on channel {@code counter}. */
  record Incremented(String counter, long by) implements Persisted {}

  /** A counter entity's state. */
  record Tally(long total) implements Persisted {}

  /** Why an increment was refused. */
  record CounterRefused(String message) implements Notice {}

  /** A row of the {@code counter} view. */
  record CounterRow(String id, long total) {}
}
