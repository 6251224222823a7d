package dev.eventsunbundled.app.counter;

import dev.eventsunbundled.app.counter.Counting.CounterRefused;
import dev.eventsunbundled.app.counter.Counting.Increment;
import dev.eventsunbundled.app.counter.Counting.Incremented;
import dev.eventsunbundled.app.counter.Counting.Tally;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.HandlerSpec;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.StateHandler;
import java.util.List;
import java.util.Optional;

/** count: one entity per counter; refuses an increment that is not a positive number. */
final class CountHandler implements StateHandler<Increment, Tally, Incremented> {

  static final String NAME = "count";

  private static final HandlerSpec<Increment, Tally> SPEC = new HandlerSpec<>(
      Meta.of(NAME, List.of(Meta.COMMANDS), CounterProjector.CHANNEL), Increment.class, Increment::counter, new Tally(0));

  @Override
  public HandlerSpec<Increment, Tally> spec() {
    return SPEC;
  }

  @Override
  public Optional<Incremented> operate(Context ctx, Increment message, Tally tally) {
    int by = message.by() == null ? 1 : message.by();
    if (by < 1) {
      ctx.notify(new CounterRefused("An increment must be a positive number, not " + by));
      return Optional.empty();
    }
    return Optional.of(new Incremented(message.counter(), by));
  }

  @Override
  public Tally write(Tally state, Incremented event) {
    return new Tally(state.total() + event.by());
  }
}
