package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.shell.EntityState.Source;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Delivers pushed events of one tag to a downstream handler as they arrive, each upstream entity's in order:
 * an event goes only when its predecessor is known delivered (or on its way, then it follows it). Anything
 * else is left to the journal, as is whatever arrives while {@code maxWaiting} events are on their way or queued, which delivers at least once; the downstream entity de-duplicates.
 */
final class ChannelPushDelivery extends AbstractBehavior<PushInbox> {

  private record Delivered(Pushed pushed, boolean ok) implements PushInbox {}

  private final Handler<?, ?, ?, ?> handler;
  private final Entities entities;
  private final Duration timeout;
  private final DeliveredUpTo delivered;
  /** Per upstream entity with a delivery on its way: the events that follow it, in order. */
  private final Map<String, ArrayDeque<Pushed>> onTheirWay = new HashMap<>();
  private final int maxWaiting;
  private int waiting;

  private ChannelPushDelivery(ActorContext<PushInbox> context, Handler<?, ?, ?, ?> handler, Duration timeout,
      DeliveredUpTo delivered, int maxWaiting) {
    super(context);
    this.maxWaiting = maxWaiting;
    this.handler = handler;
    this.entities = Entities.get(context.getSystem());
    this.timeout = timeout;
    this.delivered = delivered;
  }

  static Behavior<PushInbox> create(Handler<?, ?, ?, ?> handler, Duration timeout, DeliveredUpTo delivered,
      int maxWaiting) {
    return Behaviors.setup(ctx -> new ChannelPushDelivery(ctx, handler, timeout, delivered, maxWaiting));
  }

  @Override
  public Receive<PushInbox> createReceive() {
    return newReceiveBuilder()
        .onMessage(Pushed.class, this::onPushed)
        .onMessage(Delivered.class, this::onDelivered)
        .build();
  }

  private Behavior<PushInbox> onPushed(Pushed pushed) {
    if (waiting >= maxWaiting) {
      return this;
    }
    ArrayDeque<Pushed> queue = onTheirWay.get(pushed.persistenceId());
    if (queue != null) {
      Pushed last = queue.peekLast();
      if (last.sequenceNr() == pushed.previous()) {
        queue.addLast(pushed);
        waiting++;
      }
    } else if (delivered.of(pushed.persistenceId()) == pushed.previous()) {
      ArrayDeque<Pushed> started = new ArrayDeque<>();
      started.add(pushed);
      onTheirWay.put(pushed.persistenceId(), started);
      waiting++;
      send(pushed);
    }
    return this;
  }

  private Behavior<PushInbox> onDelivered(Delivered result) {
    String persistenceId = result.pushed().persistenceId();
    ArrayDeque<Pushed> queue = onTheirWay.get(persistenceId);
    queue.removeFirst();
    waiting--;
    if (result.ok()) {
      delivered.advance(persistenceId, result.pushed().sequenceNr());
    } else {
      waiting -= queue.size();
      queue.clear();
    }
    if (queue.isEmpty()) {
      onTheirWay.remove(persistenceId);
    } else {
      send(queue.peekFirst());
    }
    return this;
  }

  private void send(Pushed pushed) {
    getContext().pipeToSelf(
        ChannelDelivery.deliver(handler, entities, timeout, pushed.event(),
            new Source(pushed.persistenceId(), pushed.sequenceNr()), pushed.correlationId()),
        (done, failure) -> new Delivered(pushed, failure == null));
  }
}
