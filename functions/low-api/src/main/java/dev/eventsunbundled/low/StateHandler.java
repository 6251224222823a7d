package dev.eventsunbundled.low;

/**
 * The common handler: its {@link HandlerSpec} answers name, input, key and empty state, and {@code lookup} hands
 * {@code operate} the entity's state; it writes only {@code spec}, {@code operate} and {@code write}.
 */
public interface StateHandler<I, S, E> extends Handler<I, S, S, E> {

  HandlerSpec<I, S> spec();

  @Override
  default Meta meta() {
    return spec().meta();
  }

  @Override
  default Class<I> input() {
    return spec().input();
  }

  @Override
  default String entityKey(I message) {
    return spec().entityKey().apply(message);
  }

  @Override
  default S emptyState() {
    return spec().emptyState();
  }

  @Override
  default S lookup(Context ctx, I message, S state) {
    return state;
  }
}
