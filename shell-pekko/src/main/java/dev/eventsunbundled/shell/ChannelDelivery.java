package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.shell.EntityState.Source;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * Delivers each event of a channel read from the journal to the handler entity that owns it and waits for it
 * to be handled; an event this node's push consumer has delivered already is passed over, one given up on or
 * waiting behind one is put aside as a dead letter ({@link ChannelLetters}). Only the handler failing counts
 * towards giving up; a timeout (an entity moving, a node down) is retried.
 */
public final class ChannelDelivery extends org.apache.pekko.projection.javadsl.Handler<EventEnvelope<Object>> {

  private final Handler<?, ?, ?, ?> handler;
  private final Entities entities;
  private final Duration timeout;
  private final DeliveredUpTo delivered;
  private final ChannelLetters letters;

  ChannelDelivery(Handler<?, ?, ?, ?> handler, Entities entities, Duration timeout, DeliveredUpTo delivered,
      ChannelLetters letters) {
    this.handler = handler;
    this.entities = entities;
    this.timeout = timeout;
    this.delivered = delivered;
    this.letters = letters;
  }

  @Override
  public CompletionStage<Done> process(EventEnvelope<Object> envelope) {
    if (delivered.of(envelope.persistenceId()) >= envelope.sequenceNr()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return letters.putAside(envelope).thenCompose(aside -> aside
        ? CompletableFuture.completedFuture(Done.getInstance())
        : deliver(handler, entities, timeout, Traced.event(envelope.event()),
                new Source(envelope.persistenceId(), envelope.sequenceNr()), Traced.correlationId(envelope.event()))
            .handle((done, failure) -> {
              if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof FunctionFailed) {
                  letters.failures().failed(envelope.persistenceId(), envelope.sequenceNr(), cause);
                }
                throw new CompletionException(cause);
              }
              delivered.advance(envelope.persistenceId(), envelope.sequenceNr());
              return done;
            }));
  }

  /**
   * Asks the entity that owns the event to handle it, for the request {@code correlationId} (may be null); an event
   * that is no input of the handler is done at once.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static CompletionStage<Done> deliver(Handler<?, ?, ?, ?> handler, Entities entities, Duration timeout,
      Object event, Source source, String correlationId) {
    if (!handler.input().isInstance(event)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String key = ((Handler) handler).entityKey(event);
    Trace.step(correlationId, "channel delivers {}#{} to {} {}", source.persistenceId(), source.sequenceNr(),
        handler.meta().name(), entities.id(key));
    return Stages.plain(entities.of(handler, key)
            .<EntityReply>ask(replyTo -> new HandlerEntity.Handle(event, source, replyTo, null, correlationId),
                timeout))
        .thenApply(reply -> {
          if (reply instanceof EntityReply.Failed failed) {
            throw new FunctionFailed(failed.error());
          }
          return Done.getInstance();
        });
  }
}
