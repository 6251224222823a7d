package dev.eventsunbundled.shell;

/** Causal token: the entity and the sequence number of its latest event; a view has applied it or not yet. */
public record Token(String persistenceId, long sequenceNr) implements ShellMessage {

  /** True when there is nothing to wait for (the entity has recorded nothing). */
  public boolean isEmpty() {
    return sequenceNr == 0;
  }
}
