package dev.eventsunbundled.app.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/** The one bounded wait of these tests: re-check a condition (Awaitility) until it holds or the timeout passes. */
final class Poll {

  private static final Duration INTERVAL = Duration.ofMillis(250);

  private Poll() {}

  /** Waits until {@code probe} answers a value; fails naming {@code what} after the timeout. */
  static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
    return Awaitility.await(what).atMost(timeout).pollInterval(INTERVAL).ignoreExceptions()
        .until(probe::get, Optional::isPresent)
        .orElseThrow();
  }

  /** Waits until {@code condition} holds. */
  static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }
}
