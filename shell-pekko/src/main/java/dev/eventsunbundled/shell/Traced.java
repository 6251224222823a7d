package dev.eventsunbundled.shell;


/**
 * A function's event as the journal keeps it, with the correlation id of the request that caused it (null when
 * none is known), so projections and channel deliveries on any node can name the request they serve.
 */
public record Traced(@PersistedPayload Object event, String correlationId)
    implements ShellMessage {

  /** The function's event inside a journal event (an event written before tracing is its own). */
  public static Object event(Object journalEvent) {
    return journalEvent instanceof Traced traced ? traced.event() : journalEvent;
  }

  /** The correlation id a journal event carries, or null. */
  public static String correlationId(Object journalEvent) {
    return journalEvent instanceof Traced traced ? traced.correlationId() : null;
  }
}
