package dev.eventsunbundled.low;

import java.util.Optional;

/**
 * The LOW pattern: {@code lookup} reads, {@code operate} decides, {@code write} applies the decision.
 *
 * @param <I> the message it handles (a command, or an event from an upstream channel)
 * @param <S> the local datastore of one entity, rebuilt by {@code write} over its history
 * @param <D> what {@code lookup} hands to {@code operate}
 * @param <E> the event it records
 */
public interface Handler<I, S, D, E> {

  /** Name and channels. */
  Meta meta();

  /** The type of message this handler accepts; anything else on its channels is ignored. */
  Class<I> input();

  /** The entity that owns a message: one writer per key is the shell's guarantee. */
  String entityKey(I message);

  /** The local datastore of an entity that has recorded nothing yet. */
  S emptyState();

  /** Gathers everything {@code operate} needs; all reads happen here. */
  D lookup(Context ctx, I message, S state);

  /** The pure decision: the event to record, or empty (after notifying the requester, if it must know). */
  Optional<E> operate(Context ctx, I message, D data);

  /** Applies an event to the local datastore; throws {@link IntegrityViolation} to refuse it. */
  S write(S state, E event);
}
