package dev.eventsunbundled.low;

import java.util.Optional;

/**
 * Ties a request to its response: decides, from the handler's reply, which view row answers it.
 *
 * @param <C> the request (command) it resolves
 * @param <E> the events of the handler it asks
 * @param <V> the view row it answers with
 */
public interface Resolver<C, E, V extends Record> {

  /** Name (the request's name), {@code in} = the handler it asks, {@code out} = the view it reads. */
  Meta meta();

  /** The type of request it resolves. */
  Class<C> request();

  /**
   * Why the request cannot be taken at all, decided at the edge before any handler entity is touched (the caller
   * is refused with this message); empty, the default, lets every request through to the handler.
   */
  default Optional<String> problem(C request) {
    return Optional.empty();
  }

  /** The answer for a handler's reply to the request. */
  Answer answer(C request, Reply<E> reply);
}
