package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Meta;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** A handler that throws in {@code operate} at random, with probability {@code failure}; otherwise the real one. */
final class FlakyHandler<I, S, D, E> implements Handler<I, S, D, E> {

  private final Handler<I, S, D, E> handler;
  private final double failure;

  FlakyHandler(Handler<I, S, D, E> handler, double failure) {
    this.handler = handler;
    this.failure = failure;
  }

  @Override
  public Meta meta() {
    return handler.meta();
  }

  @Override
  public Class<I> input() {
    return handler.input();
  }

  @Override
  public String entityKey(I message) {
    return handler.entityKey(message);
  }

  @Override
  public S emptyState() {
    return handler.emptyState();
  }

  @Override
  public D lookup(Context ctx, I message, S state) {
    return handler.lookup(ctx, message, state);
  }

  @Override
  public Optional<E> operate(Context ctx, I message, D data) {
    if (ThreadLocalRandom.current().nextDouble() < failure) {
      throw new IllegalStateException("chaos: " + meta().name() + " fails at random");
    }
    return handler.operate(ctx, message, data);
  }

  @Override
  public S write(S state, E event) {
    return handler.write(state, event);
  }
}
