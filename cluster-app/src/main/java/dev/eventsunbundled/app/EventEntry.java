package dev.eventsunbundled.app;

import dev.eventsunbundled.shell.HistoryEntry;
import dev.eventsunbundled.shell.Refused;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One event of a row's history as the API shows it: when it was written (ISO-8601), its type, the entity and
 * sequence number that wrote it, the request and caller behind it, and the event itself.
 */
public record EventEntry(String at, String type, String entity, long sequenceNr, String correlationId,
    String caller, Object data) {

  public static EventEntry of(HistoryEntry entry) {
    return new EventEntry(entry.at().toString(), entry.event().getClass().getSimpleName(), entry.persistenceId(),
        entry.sequenceNr(), entry.correlationId(), entry.caller(), entry.event());
  }

  /** The event as JSON text (GraphQL's {@code data: String}). */
  public String dataJson() {
    return new String(Json.bytes(data), StandardCharsets.UTF_8);
  }

  /** An {@code asOf} argument: an ISO-8601 instant, or a refusal saying what is expected. */
  public static Instant asOf(String text, String cid) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new Refused("asOf must be an ISO-8601 instant such as 2026-12-01T10:15:30Z; got '" + text + "'", cid);
    }
  }
}
