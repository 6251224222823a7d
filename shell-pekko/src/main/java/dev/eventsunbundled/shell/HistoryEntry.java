package dev.eventsunbundled.shell;

import java.time.Instant;

/** One event of a view row's history: when it was written, by which entity, the request and caller behind it. */
public record HistoryEntry(Instant at, String persistenceId, long sequenceNr, Object event, String correlationId,
    String caller) {}
