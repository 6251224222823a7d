package dev.eventsunbundled.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * Wakes requests waiting for a view to apply a causal token. Projections publish {@link Applied} after
 * each commit on a cluster-wide topic, so the waiter may sit on any node.
 */
public final class ViewWatcher extends AbstractBehavior<ViewWatcher.Command> {

  /** What the watcher receives. */
  public sealed interface Command {}

  /** A view committed this entity's events up to this sequence number. */
  public record Applied(String view, String persistenceId, long sequenceNr) implements Command, ShellMessage {}

  /** Answer {@code Done} once the view has applied the token. */
  public record Await(String view, Token token, Instant deadline, ActorRef<Done> replyTo) implements Command {}

  private enum Sweep implements Command { INSTANCE }

  private static final int REMEMBERED = 10_000;

  private record Waiter(long sequenceNr, Instant deadline, ActorRef<Done> replyTo) {}

  private final Map<String, List<Waiter>> waiting = new HashMap<>();
  private final Map<String, Long> applied = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > REMEMBERED;
    }
  };

  private ViewWatcher(ActorContext<Command> context) {
    super(context);
  }

  public static Behavior<Command> create(ActorRef<Topic.Command<Applied>> topic) {
    return Behaviors.setup(ctx -> {
      topic.tell(Topic.subscribe(ctx.getSelf().narrow()));
      return Behaviors.withTimers(timers -> {
        timers.startTimerWithFixedDelay(Sweep.INSTANCE, Duration.ofSeconds(1));
        return new ViewWatcher(ctx);
      });
    });
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Applied.class, this::onApplied)
        .onMessage(Await.class, this::onAwait)
        .onMessageEquals(Sweep.INSTANCE, this::onSweep)
        .build();
  }

  private Behavior<Command> onApplied(Applied event) {
    String key = key(event.view(), event.persistenceId());
    applied.merge(key, event.sequenceNr(), Math::max);
    List<Waiter> waiters = waiting.get(key);
    if (waiters != null) {
      waiters.removeIf(w -> {
        boolean done = w.sequenceNr() <= event.sequenceNr();
        if (done) {
          w.replyTo().tell(Done.getInstance());
        }
        return done;
      });
      if (waiters.isEmpty()) {
        waiting.remove(key);
      }
    }
    return this;
  }

  private Behavior<Command> onAwait(Await await) {
    String key = key(await.view(), await.token().persistenceId());
    if (applied.getOrDefault(key, 0L) >= await.token().sequenceNr()) {
      await.replyTo().tell(Done.getInstance());
    } else {
      waiting.computeIfAbsent(key, k -> new ArrayList<>())
          .add(new Waiter(await.token().sequenceNr(), await.deadline(), await.replyTo()));
    }
    return this;
  }

  private Behavior<Command> onSweep() {
    Instant now = Instant.now();
    waiting.values().forEach(waiters -> waiters.removeIf(w -> w.deadline().isBefore(now)));
    waiting.values().removeIf(List::isEmpty);
    return this;
  }

  private static String key(String view, String persistenceId) {
    return view + '\u0000' + persistenceId;
  }
}
