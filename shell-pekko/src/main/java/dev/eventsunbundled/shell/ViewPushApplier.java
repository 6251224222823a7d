package dev.eventsunbundled.shell;

import dev.eventsunbundled.shell.ViewWatcher.Applied;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * Applies pushed events of the tags a node runs to a view as they arrive: what arrived during a transaction goes
 * in the next one, through the writer of the view's serving generation. An event that is not the next of its
 * entity, or a transaction that fails, is left to the journal, as is whatever arrives while {@code maxWaiting}
 * events already wait. After each commit the request's watcher, and every node's {@link ViewWatcher}, hear what
 * was applied.
 */
final class ViewPushApplier extends AbstractBehavior<PushInbox> {

  private record Committed(List<Pushed> applied) implements PushInbox {}

  private record Failed(int events, Throwable cause) implements PushInbox {}

  private final Supplier<ViewWriter<?, ?>> writer;
  private final Database database;
  private final Executor blocking;
  private final ActorRef<Topic.Command<Applied>> topic;
  private final ShellMetrics metrics;
  private final int maxWaiting;
  private List<Pushed> waiting = new ArrayList<>();
  private boolean writing;

  private ViewPushApplier(ActorContext<PushInbox> context, Supplier<ViewWriter<?, ?>> writer, Database database,
      Executor blocking, ActorRef<Topic.Command<Applied>> topic, int maxWaiting) {
    super(context);
    this.maxWaiting = maxWaiting;
    this.writer = writer;
    this.database = database;
    this.blocking = blocking;
    this.topic = topic;
    this.metrics = ShellMetrics.get(context.getSystem());
  }

  static Behavior<PushInbox> create(Supplier<ViewWriter<?, ?>> writer, Database database, Executor blocking,
      ActorRef<Topic.Command<Applied>> topic, int maxWaiting) {
    return Behaviors.setup(ctx -> new ViewPushApplier(ctx, writer, database, blocking, topic, maxWaiting));
  }

  @Override
  public Receive<PushInbox> createReceive() {
    return newReceiveBuilder()
        .onMessage(Pushed.class, this::onPushed)
        .onMessage(Committed.class, this::onCommitted)
        .onMessage(Failed.class, this::onFailed)
        .build();
  }

  private Behavior<PushInbox> onPushed(Pushed pushed) {
    if (waiting.size() >= maxWaiting) {
      return this;
    }
    waiting.add(pushed);
    if (!writing) {
      write();
    }
    return this;
  }

  private Behavior<PushInbox> onCommitted(Committed committed) {
    String view = writer.get().table().view().name();
    long now = System.currentTimeMillis();
    for (Pushed pushed : committed.applied()) {
      metrics.applied(view, pushed.tag(), "push", now - pushed.timestamp());
      Trace.step(pushed.correlationId(), "view {} applied {}#{} (pushed)", view, pushed.persistenceId(),
          pushed.sequenceNr());
      Applied applied = new Applied(view, pushed.persistenceId(), pushed.sequenceNr());
      if (pushed.watcher() != null) {
        pushed.watcher().tell(applied);
      }
      topic.tell(Topic.publish(applied));
    }
    return next();
  }

  private Behavior<PushInbox> onFailed(Failed failed) {
    getContext().getLog().warn("{} pushed events left to the journal: {}", failed.events(), failed.cause().toString());
    return next();
  }

  private Behavior<PushInbox> next() {
    writing = false;
    if (!waiting.isEmpty()) {
      write();
    }
    return this;
  }

  private void write() {
    List<Pushed> batch = waiting;
    waiting = new ArrayList<>();
    writing = true;
    getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> apply(batch), blocking),
        (applied, failure) -> failure == null ? new Committed(applied) : new Failed(batch.size(), failure));
  }

  /** One transaction; when it fails (a deadlock, say) it is rolled back and its events left to the journal. */
  private List<Pushed> apply(List<Pushed> batch) {
    try {
      ViewWriter<?, ?> serving = writer.get();
      return database.transact(connection -> serving.applyPushed(connection, batch));
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }
}
