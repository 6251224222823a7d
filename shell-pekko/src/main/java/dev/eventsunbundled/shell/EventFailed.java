package dev.eventsunbundled.shell;

/** A function failed on one event (not the database): the event, its entity and the cause. */
final class EventFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String persistenceId;
  private final long sequenceNr;

  EventFailed(String persistenceId, long sequenceNr, Throwable cause) {
    super(persistenceId + "#" + sequenceNr + " failed: " + cause, cause);
    this.persistenceId = persistenceId;
    this.sequenceNr = sequenceNr;
  }

  String persistenceId() {
    return persistenceId;
  }

  long sequenceNr() {
    return sequenceNr;
  }
}
