package dev.eventsunbundled.low;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The source of identifiers and time a shell gives its functions; replace it in tests for determinism. */
public interface Ids {

  UUID newId();

  Instant now();

  /** Random UUIDs and the system clock. */
  static Ids system() {
    Clock clock = Clock.systemUTC();
    return new Ids() {
      @Override
      public UUID newId() {
        return UUID.randomUUID();
      }

      @Override
      public Instant now() {
        return clock.instant();
      }
    };
  }
}
