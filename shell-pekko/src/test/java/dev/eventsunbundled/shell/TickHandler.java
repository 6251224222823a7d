package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Persisted;
import java.util.List;
import java.util.Optional;

/** A test handler that records an event for every message: an entity with many events on its tag. */
final class TickHandler implements Handler<TickHandler.Tick, TickHandler.Ticks, TickHandler.Ticks, TickHandler.Ticked> {

  /** Record one more. */
  record Tick() implements Persisted {}

  /** The n-th tick. */
  record Ticked(long n) implements Persisted {}

  /** How many ticks so far. */
  record Ticks(long count) implements Persisted {}

  @Override
  public Meta meta() {
    return Meta.of("tick", List.of(Meta.COMMANDS), "ticks");
  }

  @Override
  public Class<Tick> input() {
    return Tick.class;
  }

  @Override
  public String entityKey(Tick message) {
    return "clock";
  }

  @Override
  public Ticks emptyState() {
    return new Ticks(0);
  }

  @Override
  public Ticks lookup(Context ctx, Tick message, Ticks state) {
    return state;
  }

  @Override
  public Optional<Ticked> operate(Context ctx, Tick message, Ticks ticks) {
    return Optional.of(new Ticked(ticks.count() + 1));
  }

  @Override
  public Ticks write(Ticks ticks, Ticked event) {
    return new Ticks(event.n());
  }
}
