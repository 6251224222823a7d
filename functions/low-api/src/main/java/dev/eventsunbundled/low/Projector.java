package dev.eventsunbundled.low;

/**
 * Folds events into one row of a read view.
 *
 * @param <E> the events it reads
 * @param <V> the view's row
 */
public interface Projector<E, V extends Record> {

  /** Name and the channels it reads; {@code out} is the view's name. */
  Meta meta();

  /** The type of event it projects; anything else on its channels is ignored. */
  Class<E> input();

  /** The view it maintains. */
  View<V> view();

  /** The row an event changes. */
  String rowKey(E event);

  /** The row as it is before any event touched it. */
  V emptyRow(String key);

  /** The row after the event; return {@code row} itself when the event changes nothing. */
  V project(V row, E event);
}
