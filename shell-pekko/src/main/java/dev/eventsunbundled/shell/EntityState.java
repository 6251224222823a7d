package dev.eventsunbundled.shell;

import java.util.HashMap;
import java.util.Map;

/**
 * A handler entity's state: the function's own state; per upstream entity, the highest sequence number already
 * handled (at-least-once delivery is de-duplicated against it); the sequence number of its latest event and of
 * its latest tagged one, which a pushed event names as its predecessor (both null when unknown, as in a
 * snapshot older than these fields).
 */
public record EntityState(
    @PersistedPayload Object state, Map<String, Long> handledUpTo, Long sequenceNr,
    Long lastTagged) implements ShellMessage {

  public EntityState {
    handledUpTo = Map.copyOf(handledUpTo);
  }

  public static EntityState of(Object state) {
    return new EntityState(state, Map.of(), 0L, 0L);
  }

  public boolean hasHandled(Source source) {
    return source != null && handledUpTo.getOrDefault(source.persistenceId(), 0L) >= source.sequenceNr();
  }

  /** The state after the function's own (tagged) event, which answers {@code source} when not null. */
  public EntityState withState(Object next, Source source) {
    Long after = next();
    return new EntityState(next, source == null ? handledUpTo : handled(source), after, after);
  }

  /** The state after a marker that an upstream event has been handled (not tagged; journals before 2026-12-02). */
  public EntityState withHandled(Source source) {
    return new EntityState(state, handled(source), next(), lastTagged);
  }

  private Map<String, Long> handled(Source source) {
    Map<String, Long> handled = new HashMap<>(handledUpTo);
    handled.merge(source.persistenceId(), source.sequenceNr(), Math::max);
    return handled;
  }

  private Long next() {
    return sequenceNr == null ? null : sequenceNr + 1;
  }

  /** Where a message delivered from a channel came from: the upstream event's entity and sequence number. */
  public record Source(String persistenceId, long sequenceNr) implements ShellMessage {}

  /**
   * Journal marker persisted atomically with the function's event: this upstream event has been handled. No longer
   * written (the event's {@link Traced#handled()} says it in the same row), still read from older journals.
   */
  public record Handled(Source source) implements ShellMessage {}
}
