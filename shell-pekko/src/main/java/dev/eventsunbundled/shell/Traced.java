package dev.eventsunbundled.shell;

/**
 * A function's event as the journal keeps it, with the correlation id of the request that caused it and the
 * authenticated caller who sent that request (audit), each null when none is known: projections and channel
 * deliveries on any node can name the request they serve. {@code handled} is the upstream event it answers when a
 * channel delivered the message (null for a request): written in the same row, it de-duplicates redelivery.
 */
public record Traced(@PersistedPayload Object event, String correlationId, String caller, EntityState.Source handled)
    implements ShellMessage {

  public Traced(Object event, String correlationId, String caller) {
    this(event, correlationId, caller, null);
  }

  public Traced(Object event, String correlationId) {
    this(event, correlationId, null, null);
  }

  /** The function's event inside a journal event (an event written before tracing is its own). */
  public static Object event(Object journalEvent) {
    return journalEvent instanceof Traced traced ? traced.event() : journalEvent;
  }

  /** The correlation id a journal event carries, or null. */
  public static String correlationId(Object journalEvent) {
    return journalEvent instanceof Traced traced ? traced.correlationId() : null;
  }

  /** Who sent the request that caused a journal event, or null. */
  public static String caller(Object journalEvent) {
    return journalEvent instanceof Traced traced ? traced.caller() : null;
  }

  /** The upstream event a journal event answers (a channel delivered its message), or null. */
  public static EntityState.Source handled(Object journalEvent) {
    return journalEvent instanceof Traced traced ? traced.handled() : null;
  }
}
