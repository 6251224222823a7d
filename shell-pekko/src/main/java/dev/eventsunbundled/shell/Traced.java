package dev.eventsunbundled.shell;

/**
 * A function's event as the journal keeps it, with the correlation id of the request that caused it and the
 * authenticated caller who sent that request (audit), each null when none is known: projections and channel
 * deliveries on any node can name the request they serve.
 */
public record Traced(@PersistedPayload Object event, String correlationId, String caller)
    implements ShellMessage {

  public Traced(Object event, String correlationId) {
    this(event, correlationId, null);
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
}
