package dev.eventsunbundled.testkit;

import dev.eventsunbundled.low.Ids;
import java.time.Instant;
import java.util.UUID;

/** Deterministic Ids for tests: UUIDs …0001, …0002, … in order of asking, and a clock that never moves. */
public final class SequentialIds implements Ids {

  public static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private long next = 1;

  /** The n-th UUID a fresh SequentialIds hands out. */
  public static UUID uuid(long n) {
    return new UUID(0L, n);
  }

  @Override
  public UUID newId() {
    return uuid(next++);
  }

  @Override
  public Instant now() {
    return NOW;
  }
}
