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
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Delivers pushed events of one tag to a downstream handler as they arrive, each upstream entity's in order:
 * an event goes only when its predecessor is known delivered (or on its way, then it follows it). Anything
 * else is left to the journal, which delivers at least once; the downstream entity de-duplicates.
 */
final class ChannelPushDelivery extends AbstractBehavior<PushInbox> {

  private record Delivered(Pushed pushed, boolean ok) implements PushInbox {}

  private final Handler<?, ?, ?, ?> handler;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final DeliveredUpTo delivered;
  /** Per upstream entity with a delivery on its way: the events that follow it, in order. */
  private final Map<String, ArrayDeque<Pushed>> onTheirWay = new HashMap<>();

  private ChannelPushDelivery(ActorContext<PushInbox> context, Handler<?, ?, ?, ?> handler, Duration timeout,
      DeliveredUpTo delivered) {
    super(context);
    this.handler = handler;
    this.sharding = ClusterSharding.get(context.getSystem());
    this.timeout = timeout;
    this.delivered = delivered;
  }

  static Behavior<PushInbox> create(Handler<?, ?, ?, ?> handler, Duration timeout, DeliveredUpTo delivered) {
    return Behaviors.setup(ctx -> new ChannelPushDelivery(ctx, handler, timeout, delivered));
  }

  @Override
  public Receive<PushInbox> createReceive() {
    return newReceiveBuilder()
        .onMessage(Pushed.class, this::onPushed)
        .onMessage(Delivered.class, this::onDelivered)
        .build();
  }

  private Behavior<PushInbox> onPushed(Pushed pushed) {
    ArrayDeque<Pushed> queue = onTheirWay.get(pushed.persistenceId());
    if (queue != null) {
      Pushed last = queue.peekLast();
      if (last.sequenceNr() == pushed.previous()) {
        queue.addLast(pushed);
      }
    } else if (delivered.of(pushed.persistenceId()) == pushed.previous()) {
      ArrayDeque<Pushed> started = new ArrayDeque<>();
      started.add(pushed);
      onTheirWay.put(pushed.persistenceId(), started);
      send(pushed);
    }
    return this;
  }

  private Behavior<PushInbox> onDelivered(Delivered result) {
    String persistenceId = result.pushed().persistenceId();
    ArrayDeque<Pushed> queue = onTheirWay.get(persistenceId);
    queue.removeFirst();
    if (result.ok()) {
      delivered.advance(persistenceId, result.pushed().sequenceNr());
    } else {
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
        ChannelDelivery.deliver(handler, sharding, timeout, pushed.event(),
            new Source(pushed.persistenceId(), pushed.sequenceNr()), pushed.correlationId()),
        (done, failure) -> new Delivered(pushed, failure == null));
  }
}
