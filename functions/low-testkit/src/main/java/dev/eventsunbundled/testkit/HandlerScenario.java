package dev.eventsunbundled.testkit;

import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Executor.Outcome;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Notice;
import dev.eventsunbundled.low.Reply;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Given/when/then for one handler entity, with no test library: the events it has recorded, one message, then
 * what it records, says and keeps. Ids and clock are {@link SequentialIds}; a failed expectation throws
 * {@link AssertionError} naming what was expected and what happened.
 */
public final class HandlerScenario<I, S, D, E> {

  private final Executor<I, S, D, E> executor;
  private final SequentialIds ids = new SequentialIds();
  private S state;

  private HandlerScenario(Handler<I, S, D, E> handler) {
    this.executor = new Executor<>(handler);
    this.state = handler.emptyState();
  }

  public static <I, S, D, E> HandlerScenario<I, S, D, E> of(Handler<I, S, D, E> handler) {
    return new HandlerScenario<>(handler);
  }

  /** The entity has recorded these events, in order: its state is them folded by {@code write}. */
  @SafeVarargs
  public final HandlerScenario<I, S, D, E> given(E... events) {
    for (E event : events) {
      state = executor.handler().write(state, event);
    }
    return this;
  }

  /** The entity has handled these messages, in order (whatever they recorded is its history). */
  @SafeVarargs
  public final HandlerScenario<I, S, D, E> givenHandled(I... messages) {
    Arrays.stream(messages).forEach(message -> state = executor.execute(ids, message, state).state());
    return this;
  }

  /** The entity handles this message; the answer is checked with {@link Then}. */
  public Then<S, E> when(I message) {
    Outcome<S, E> outcome = executor.execute(ids, message, state);
    state = outcome.state();
    return new Then<>(outcome);
  }

  /** What one message came to: its event, its reply (as every host gives it) and the state after. */
  public static final class Then<S, E> {

    private final Outcome<S, E> outcome;

    private Then(Outcome<S, E> outcome) {
      this.outcome = outcome;
    }

    public Then<S, E> recorded(E expected) {
      return check(outcome.event().equals(Optional.of(expected)), "recorded " + expected);
    }

    public Then<S, E> recordedNothing() {
      return check(outcome.event().isEmpty(), "recorded nothing");
    }

    /** The requester hears exactly this notice. */
    public Then<S, E> noticed(Notice expected) {
      return check(outcome.reply().equals(new Reply.Noticed<E>(expected)), "noticed " + expected);
    }

    /** The requester hears a notice whose message contains this text. */
    public Then<S, E> noticeSays(String fragment) {
      return check(outcome.reply() instanceof Reply.Noticed<E> noticed
          && noticed.notice().message().contains(fragment), "a notice saying '" + fragment + "'");
    }

    public Then<S, E> state(S expected) {
      return check(Objects.equals(outcome.state(), expected), "state " + expected);
    }

    public Outcome<S, E> outcome() {
      return outcome;
    }

    private Then<S, E> check(boolean holds, String expected) {
      if (!holds) {
        throw new AssertionError("Expected " + expected + ", but the handler " + describe());
      }
      return this;
    }

    private String describe() {
      List<Notice> notices = outcome.notices();
      return "recorded " + outcome.event().map(Object::toString).orElse("nothing") + ", noticed " + notices
          + ", state " + outcome.state();
    }
  }
}
