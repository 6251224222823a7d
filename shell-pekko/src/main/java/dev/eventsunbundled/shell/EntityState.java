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

  /** The state after the function's own (tagged) event. */
  public EntityState withState(Object next) {
    Long after = next();
    return new EntityState(next, handledUpTo, after, after);
  }

  /** The state after a marker that an upstream event has been handled (not tagged). */
  public EntityState withHandled(Source source) {
    Map<String, Long> handled = new HashMap<>(handledUpTo);
    handled.merge(source.persistenceId(), source.sequenceNr(), Math::max);
    return new EntityState(state, handled, next(), lastTagged);
  }

  private Long next() {
    return sequenceNr == null ? null : sequenceNr + 1;
  }

  /** Where a message delivered from a channel came from: the upstream event's entity and sequence number. */
  public record Source(String persistenceId, long sequenceNr) implements ShellMessage {}

  /** Journal marker persisted atomically with the function's event: this upstream event has been handled. */
  public record Handled(Source source) implements ShellMessage {}
}
