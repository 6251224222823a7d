package dev.eventsunbundled.low;

/** Something a function tells the requester without recording an event (an error, a refusal). */
public interface Notice extends Persisted {

  /** A sentence a person understands. */
  String message();
}
