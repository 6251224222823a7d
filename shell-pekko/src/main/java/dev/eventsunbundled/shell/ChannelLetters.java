package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.shell.DeadLetters.Letter;
import dev.eventsunbundled.shell.EntityState.Source;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * A channel consumer's dead letters: an event its handler keeps failing on (or timing out) is put aside as
 * {@code failed} after {@code giveUpAfter} attempts, and its entity's later events wait behind it; replay delivers
 * them again in order.
 */
final class ChannelLetters implements DeadLetterOffice.Consumer {

  private final String consumer;
  private final Handler<?, ?, ?, ?> handler;
  private final Entities entities;
  private final Duration timeout;
  private final Database database;
  private final Executor blocking;
  private final DeadLetters deadLetters;
  private final EventCodec codec;
  private final Failures failures;

  ChannelLetters(String consumer, Handler<?, ?, ?, ?> handler, Entities entities, Duration timeout,
      Database database, Executor blocking, EventCodec codec, int giveUpAfter) {
    this.consumer = consumer;
    this.handler = handler;
    this.entities = entities;
    this.timeout = timeout;
    this.database = database;
    this.blocking = blocking;
    this.deadLetters = new DeadLetters(database.isPostgres());
    this.codec = codec;
    this.failures = new Failures(giveUpAfter);
  }

  Failures failures() {
    return failures;
  }

  /** True when the event was put aside (given up on, or waiting behind one of its entity): then it is not delivered. */
  CompletionStage<Boolean> putAside(EventEnvelope<Object> envelope) {
    String persistenceId = envelope.persistenceId();
    long sequenceNr = envelope.sequenceNr();
    Optional<String> givenUp = failures.givenUp(persistenceId, sequenceNr);
    return DeadLetterOffice.inTransaction(database, blocking, c -> {
      boolean blocked = !deadLetters.blocked(c, consumer, List.of(persistenceId)).isEmpty();
      if (blocked || givenUp.isPresent()) {
        deadLetters.add(c, codec.letter(consumer, persistenceId, sequenceNr,
            givenUp.isPresent() ? DeadLetters.FAILED : DeadLetters.WAITING, givenUp.orElse(null), envelope.event()));
        failures.forget(persistenceId, sequenceNr);
        return true;
      }
      return false;
    });
  }

  @Override
  public CompletionStage<Integer> replay(String persistenceId) {
    return DeadLetterOffice.inTransaction(database, blocking, c -> deadLetters.find(c, consumer, persistenceId))
        .thenCompose(letters -> deliverInOrder(letters, 0)
            .thenCompose(done -> letters.isEmpty()
                ? CompletableFuture.completedFuture(0)
                : remove(persistenceId, letters.get(letters.size() - 1).sequenceNr())));
  }

  @Override
  public CompletionStage<Integer> discard(String persistenceId) {
    return remove(persistenceId, Long.MAX_VALUE);
  }

  private CompletionStage<Void> deliverInOrder(List<Letter> letters, int next) {
    if (next == letters.size()) {
      return CompletableFuture.completedFuture(null);
    }
    Letter letter = letters.get(next);
    Object event = codec.event(letter);
    return ChannelDelivery.deliver(handler, entities, timeout, Traced.event(event),
            new Source(letter.persistenceId(), letter.sequenceNr()), Traced.correlationId(event))
        .thenCompose(done -> deliverInOrder(letters, next + 1));
  }

  private CompletionStage<Integer> remove(String persistenceId, long upTo) {
    return DeadLetterOffice.inTransaction(database, blocking,
        c -> deadLetters.remove(c, consumer, persistenceId, upTo));
  }
}
