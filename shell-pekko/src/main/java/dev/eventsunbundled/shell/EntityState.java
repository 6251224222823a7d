package dev.eventsunbundled.shell;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * A handler entity's state: the function's own state plus, per upstream entity, the highest
 * sequence number already handled (at-least-once delivery is de-duplicated against it).
 */
public record EntityState(
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object state, Map<String, Long> handledUpTo)
    implements ShellMessage {

  public EntityState {
    handledUpTo = Map.copyOf(handledUpTo);
  }

  public static EntityState of(Object state) {
    return new EntityState(state, Map.of());
  }

  public boolean hasHandled(Source source) {
    return source != null && handledUpTo.getOrDefault(source.persistenceId(), 0L) >= source.sequenceNr();
  }

  public EntityState withState(Object next) {
    return new EntityState(next, handledUpTo);
  }

  public EntityState withHandled(Source source) {
    Map<String, Long> next = new HashMap<>(handledUpTo);
    next.merge(source.persistenceId(), source.sequenceNr(), Math::max);
    return new EntityState(state, next);
  }

  /** Where a message delivered from a channel came from: the upstream event's entity and sequence number. */
  public record Source(String persistenceId, long sequenceNr) implements ShellMessage {}

  /** Journal marker persisted atomically with the function's event: this upstream event has been handled. */
  public record Handled(Source source) implements ShellMessage {}
}
