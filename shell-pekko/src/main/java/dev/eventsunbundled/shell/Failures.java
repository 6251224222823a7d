package dev.eventsunbundled.shell;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** How often each event has failed in one consumer, and whether to give up on it (after {@code giveUpAfter}). */
final class Failures {

  private record Failure(int times, String error) {}

  private final int giveUpAfter;
  private final Map<String, Failure> byEvent = new ConcurrentHashMap<>();

  Failures(int giveUpAfter) {
    this.giveUpAfter = giveUpAfter;
  }

  void failed(String persistenceId, long sequenceNr, Throwable cause) {
    byEvent.merge(key(persistenceId, sequenceNr), new Failure(1, String.valueOf(cause)),
        (before, now) -> new Failure(before.times() + 1, now.error()));
  }

  /** The last error, once the event has failed often enough to be given up on. */
  Optional<String> givenUp(String persistenceId, long sequenceNr) {
    if (byEvent.isEmpty()) {
      return Optional.empty();
    }
    Failure failure = byEvent.get(key(persistenceId, sequenceNr));
    return failure != null && failure.times() >= giveUpAfter ? Optional.of(failure.error()) : Optional.empty();
  }

  void forget(String persistenceId, long sequenceNr) {
    if (!byEvent.isEmpty()) {
      byEvent.remove(key(persistenceId, sequenceNr));
    }
  }

  private static String key(String persistenceId, long sequenceNr) {
    return persistenceId + '#' + sequenceNr;
  }
}
