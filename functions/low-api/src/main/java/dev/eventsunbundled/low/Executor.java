package dev.eventsunbundled.low;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs lookup → operate → write for one message; the place a shell adds logging, transactions, retries. */
public final class Executor<I, S, D, E> {

  private final Handler<I, S, D, E> handler;

  public Executor(Handler<I, S, D, E> handler) {
    this.handler = handler;
  }

  public Handler<I, S, D, E> handler() {
    return handler;
  }

  /** Decides on one message against the given state; the caller records the event if there is one. */
  public Outcome<S, E> execute(Ids ids, I message, S state) {
    var ctx = new CollectingContext(ids);
    D data = handler.lookup(ctx, message, state);
    Optional<E> event = handler.operate(ctx, message, data);
    if (event.isEmpty()) {
      return new Outcome<>(state, Optional.empty(), ctx.notices);
    }
    try {
      return new Outcome<>(handler.write(state, event.get()), event, ctx.notices);
    } catch (IntegrityViolation refused) {
      ctx.notify(new Refusal(refused.getMessage()));
      return new Outcome<>(state, Optional.empty(), ctx.notices);
    }
  }

  /** The result of one execution: the new state, the event to record (if any) and the notices raised. */
  public record Outcome<S, E>(S state, Optional<E> event, List<Notice> notices) {
    public Outcome {
      notices = List.copyOf(notices);
    }

    /**
     * What the requester hears, the same on every host: the event recorded; else the last notice (the handler's
     * final word: a refusal of {@code write} comes after anything {@code operate} said); else nothing.
     */
    public Reply<E> reply() {
      if (event.isPresent()) {
        return new Reply.Recorded<>(event.get());
      }
      return notices.isEmpty() ? new Reply.Unchanged<>() : new Reply.Noticed<>(notices.get(notices.size() - 1));
    }
  }

  private static final class CollectingContext implements Context {
    private final Ids ids;
    private final List<Notice> notices = new ArrayList<>();

    CollectingContext(Ids ids) {
      this.ids = ids;
    }

    @Override
    public UUID newId() {
      return ids.newId();
    }

    @Override
    public Instant now() {
      return ids.now();
    }

    @Override
    public void notify(Notice notice) {
      notices.add(notice);
    }
  }
}
