package dev.eventsunbundled.app.counter;

import dev.eventsunbundled.app.counter.Counting.CounterRow;
import dev.eventsunbundled.app.counter.Counting.Increment;
import dev.eventsunbundled.app.counter.Counting.Incremented;
import dev.eventsunbundled.low.Answer;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Reply;
import dev.eventsunbundled.low.Resolver;
import java.util.List;

/** Increment: answers with the counter's row once the view shows the increment. */
final class IncrementResolver implements Resolver<Increment, Incremented, CounterRow> {

  @Override
  public Meta meta() {
    return Meta.of("Increment", List.of(CountHandler.NAME), CounterProjector.VIEW.name());
  }

  @Override
  public Class<Increment> request() {
    return Increment.class;
  }

  @Override
  public Answer answer(Increment request, Reply<Incremented> reply) {
    if (reply instanceof Reply.Recorded<Incremented> recorded) {
      return Answer.showRow(recorded.event().counter());
    }
    if (reply instanceof Reply.Noticed<Incremented> noticed) {
      return Answer.refuse(noticed.notice().message());
    }
    return Answer.refuse("Nothing was counted");
  }
}
