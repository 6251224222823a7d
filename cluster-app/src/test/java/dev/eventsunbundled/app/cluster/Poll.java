package dev.eventsunbundled.app.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The one bounded wait of these tests: re-check a condition every interval until it holds or the timeout passes. */
final class Poll {

  private static final Duration INTERVAL = Duration.ofMillis(250);

  private Poll() {}

  /** Waits until {@code probe} answers a value; fails naming {@code what} after the timeout. */
  static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
            + (last == null ? "" : " (last error: " + last + ")"), last);
      }
      pause();
    }
  }

  /** Waits until {@code condition} holds. */
  static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }

  private static void pause() {
    try {
      Thread.sleep(INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while polling", e);
    }
  }
}
