package dev.eventsunbundled.low;

/** What a handler made of a request: an event recorded, a notice raised, or nothing at all. */
public sealed interface Reply<E> {

  /** The handler recorded this event. */
  record Recorded<E>(E event) implements Reply<E> {}

  /** The handler recorded nothing and told the requester this. */
  record Noticed<E>(Notice notice) implements Reply<E> {}

  /** The handler recorded nothing and had nothing to say. */
  record Unchanged<E>() implements Reply<E> {}
}
