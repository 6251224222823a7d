package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.shell.EntityState.Source;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/** Delivers each event of a channel to the handler entity that owns it and waits for it to be handled. */
public final class ChannelDelivery extends org.apache.pekko.projection.javadsl.Handler<EventEnvelope<Object>> {

  private final Handler<?, ?, ?, ?> handler;
  private final ClusterSharding sharding;
  private final Duration timeout;

  public ChannelDelivery(Handler<?, ?, ?, ?> handler, ClusterSharding sharding, Duration timeout) {
    this.handler = handler;
    this.sharding = sharding;
    this.timeout = timeout;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public CompletionStage<Done> process(EventEnvelope<Object> envelope) {
    Object event = envelope.event();
    if (!handler.input().isInstance(event)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String key = EntityKey.of(((Handler) handler).entityKey(event));
    Source source = new Source(envelope.persistenceId(), envelope.sequenceNr());
    return sharding.entityRefFor(HandlerEntity.typeKey(handler), key)
        .<EntityReply>ask(replyTo -> new HandlerEntity.Handle(event, source, replyTo), timeout)
        .thenApply(reply -> Done.getInstance());
  }
}
