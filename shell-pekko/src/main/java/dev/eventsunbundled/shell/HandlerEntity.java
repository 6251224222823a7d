package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Executor.Outcome;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Ids;
import dev.eventsunbundled.low.Reply;
import dev.eventsunbundled.shell.EntityState.Handled;
import dev.eventsunbundled.shell.EntityState.Source;
import java.time.Duration;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.Recovery;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * Hosts one LOW handler per entity: lookup → operate → write, where write persists the event, tagged with its channel
 * and, for a message from a channel, naming the upstream event it answers (one journal row either way).
 */
public final class HandlerEntity extends EventSourcedBehavior<HandlerEntity.Command, Object, EntityState> {

  /** The one thing an entity is asked: handle this message (from a request, or from a channel). */
  public sealed interface Command extends ShellMessage {}

  /**
   * Handle a message; {@code source} is set when it came from a channel and must be de-duplicated; {@code watcher},
   * when set, is told directly once a view has applied the event (a request waits there for its answer);
   * {@code correlationId} names the request and {@code caller} who sent it (each may be null); both go into the
   * event's journal entry.
   */
  public record Handle(@PersistedPayload Object message, Source source,
      ActorRef<EntityReply> replyTo, ActorRef<ViewWatcher.Command> watcher, String correlationId, String caller)
      implements Command {

    /** A message from a traced request of no known caller. */
    public Handle(Object message, Source source, ActorRef<EntityReply> replyTo, ActorRef<ViewWatcher.Command> watcher,
        String correlationId) {
      this(message, source, replyTo, watcher, correlationId, null);
    }

    /** A message nobody waits on a view for, from no traced request. */
    public Handle(Object message, Source source, ActorRef<EntityReply> replyTo) {
      this(message, source, replyTo, null, null, null);
    }
  }

  @SuppressWarnings("rawtypes")
  private final Executor executor;
  private final Handler<?, ?, ?, ?> handler;
  private final Ids ids;
  private final ChannelTags tags;
  private final ShellSettings settings;
  private final EventPush push;
  private final ActorContext<Command> context;
  private final ShellMetrics metrics;
  private final RecentEvents recent;

  /**
   * A journal that fails (a database outage, Pekko's circuit breaker still open after it) restarts the entity after
   * a pause instead of stopping it; the commands it had stashed are kept and handled once it has recovered.
   */
  private static final BackoffSupervisorStrategy ON_JOURNAL_FAILURE =
      SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.2);

  private HandlerEntity(ActorContext<Command> context, PersistenceId id, Handler<?, ?, ?, ?> handler, Ids ids,
      ShellSettings settings, EventPush push) {
    super(id, ON_JOURNAL_FAILURE);
    this.context = context;
    this.metrics = ShellMetrics.get(context.getSystem());
    this.recent = RecentEvents.get(context.getSystem());
    this.handler = handler;
    this.executor = new Executor<>(handler);
    this.ids = ids;
    this.settings = settings;
    this.push = push;
    this.tags = new ChannelTags(handler.meta().out(), settings.tagsPerChannel());
  }

  public static EntityTypeKey<Command> typeKey(Handler<?, ?, ?, ?> handler) {
    return EntityTypeKey.create(Command.class, handler.meta().name());
  }

  /** An entity whose events consumers read from the journal only. */
  public static Behavior<Command> create(
      PersistenceId id, Handler<?, ?, ?, ?> handler, Ids ids, ShellSettings settings) {
    return create(id, handler, ids, settings, EventPush.NONE);
  }

  /** An entity that also pushes each event, once committed, to the consumers of its tag. */
  public static Behavior<Command> create(
      PersistenceId id, Handler<?, ?, ?, ?> handler, Ids ids, ShellSettings settings, EventPush push) {
    return Behaviors.setup(ctx -> new HandlerEntity(ctx, id, handler, ids, settings, push));
  }

  @Override
  public EntityState emptyState() {
    return EntityState.of(handler.emptyState());
  }

  @Override
  public CommandHandler<Command, Object, EntityState> commandHandler() {
    return newCommandHandlerBuilder().forAnyState().onCommand(Handle.class, this::onHandle).build();
  }

  @SuppressWarnings("unchecked")
  private Effect<Object, EntityState> onHandle(EntityState state, Handle cmd) {
    String function = handler.meta().name();
    if (!handler.input().isInstance(cmd.message()) || state.hasHandled(cmd.source())) {
      Trace.step(cmd.correlationId(), "{} {}: nothing to do", function, persistenceId().id());
      return Effect().none().thenReply(cmd.replyTo(), s -> new EntityReply.Unchanged(token()));
    }
    Outcome<Object, Object> outcome;
    try {
      outcome = executor.execute(ids, cmd.message(), state.state());
    } catch (RuntimeException e) {
      metrics.handled(function, "failed");
      context.getLog().warn("{} failed on {} (correlation id {}): {}", function,
          cmd.message().getClass().getSimpleName(), cmd.correlationId(), e.toString());
      return Effect().none().thenReply(cmd.replyTo(), s -> new EntityReply.Failed(e.toString(), token()));
    }
    if (outcome.event().isPresent()) {
      Object event = outcome.event().get();
      Traced traced = new Traced(event, cmd.correlationId(), cmd.caller(), cmd.source());
      Long previous = state.lastTagged();
      long sequenceNr = lastSequenceNumber(context) + 1;
      long started = System.nanoTime();
      metrics.handled(function, "recorded");
      return Effect().persist((Object) traced)
          .thenRun(s -> {
            metrics.persisted(function, System.nanoTime() - started);
            recent.add(function, persistenceId().id(), sequenceNr, event, cmd.correlationId());
            Trace.step(cmd.correlationId(), "{} {}#{} recorded {}", function, persistenceId().id(), sequenceNr,
                event.getClass().getSimpleName());
            pushed(previous, sequenceNr, traced, cmd.watcher());
          })
          .thenReply(cmd.replyTo(), s -> new EntityReply.Recorded(event, token()));
    }
    if (outcome.reply() instanceof Reply.Noticed<Object> noticed) {
      metrics.handled(function, "noticed");
      Trace.step(cmd.correlationId(), "{} {} noticed {}", function, persistenceId().id(),
          noticed.notice().getClass().getSimpleName());
      return Effect().none().thenReply(cmd.replyTo(), s -> new EntityReply.Noticed(noticed.notice(), token()));
    }
    metrics.handled(function, "unchanged");
    Trace.step(cmd.correlationId(), "{} {}: unchanged", function, persistenceId().id());
    return Effect().none().thenReply(cmd.replyTo(), s -> new EntityReply.Unchanged(token()));
  }

  /** The journal has committed the event: its consumers may apply it now (not when its predecessor is unknown). */
  private void pushed(Long previous, long sequenceNr, Traced traced, ActorRef<ViewWatcher.Command> watcher) {
    if (previous != null) {
      String id = persistenceId().id();
      push.push(new Pushed(tags.tagFor(id), id, sequenceNr, previous, System.currentTimeMillis(), traced.event(),
          watcher, traced.correlationId()));
    }
  }

  private Token token() {
    return new Token(persistenceId().id(), lastSequenceNumber(context));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public EventHandler<EntityState, Object> eventHandler() {
    Handler raw = handler;
    return (state, event) -> event instanceof Handled handled
        ? state.withHandled(handled.source())
        : state.withState(raw.write(state.state(), Traced.event(event)), Traced.handled(event));
  }

  @Override
  public Set<String> tagsFor(Object event) {
    return event instanceof Handled ? Set.of() : Set.of(tags.tagFor(persistenceId().id()));
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return snapshots() ? RetentionCriteria.snapshotEvery(settings.snapshotEvery(), settings.keepSnapshots())
        : RetentionCriteria.disabled();
  }

  /** Without snapshots, recovery asks the journal only: one query fewer for each entity that starts. */
  @Override
  public Recovery recovery() {
    return snapshots() ? super.recovery() : Recovery.withSnapshotSelectionCriteria(SnapshotSelectionCriteria.none());
  }

  private boolean snapshots() {
    return settings.snapshotEvery() > 0;
  }
}
