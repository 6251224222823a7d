package dev.eventsunbundled.app.counter;

import dev.eventsunbundled.app.counter.Counting.CounterRefused;
import dev.eventsunbundled.app.counter.Counting.Increment;
import dev.eventsunbundled.app.counter.Counting.Incremented;
import dev.eventsunbundled.app.counter.Counting.Tally;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Meta;
import java.util.List;
import java.util.Optional;

/** count: one entity per counter; refuses an increment that is not a positive number. */
final class CountHandler implements Handler<Increment, Tally, Tally, Incremented> {

  static final String NAME = "count";

  @Override
  public Meta meta() {
    return Meta.of(NAME, List.of(Meta.COMMANDS), CounterProjector.CHANNEL);
  }

  @Override
  public Class<Increment> input() {
    return Increment.class;
  }

  @Override
  public String entityKey(Increment message) {
    return message.counter();
  }

  @Override
  public Tally emptyState() {
    return new Tally(0);
  }

  @Override
  public Tally lookup(Context ctx, Increment message, Tally state) {
    return state;
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
