package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.japi.function.Function;

/** What operators do with dead letters, on any node: list them, replay an entity's letters, or discard them. */
public final class DeadLetterOffice implements Extension {

  /** One dead letter as listed: whose, which event, failed or waiting behind one, the error, when. */
  public record Entry(String consumer, String persistenceId, long sequenceNr, String state, String error,
      long recordedAt) {}

  /** A consumer that keeps dead letters: a view projection, or a channel's deliveries to a handler. */
  interface Consumer {
    /** Applies the entity's letters in order (all or none), then removes them; answers how many. */
    CompletionStage<Integer> replay(String persistenceId);

    /** Removes the entity's letters unapplied, so its later events flow; answers how many. */
    CompletionStage<Integer> discard(String persistenceId);
  }

  private record Registered(Consumer consumer, Database database, Executor blocking) {}

  private static final ExtensionId<DeadLetterOffice> ID = new ExtensionId<>() {
    @Override
    public DeadLetterOffice createExtension(ActorSystem<?> system) {
      return new DeadLetterOffice();
    }
  };

  private final Map<String, Registered> consumers = new ConcurrentHashMap<>();

  private DeadLetterOffice() {}

  public static DeadLetterOffice get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  void register(String name, Consumer consumer, Database database, Executor blocking) {
    consumers.put(name, new Registered(consumer, database, blocking));
  }

  /** Every dead letter, by consumer, entity and sequence number. */
  public CompletionStage<List<Entry>> list() {
    Registered any = consumers.values().stream().findFirst().orElse(null);
    if (any == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    return inTransaction(any.database(), any.blocking(), c -> new DeadLetters(any.database().isPostgres())
        .find(c, null, null).stream()
        .map(l -> new Entry(l.consumer(), l.persistenceId(), l.sequenceNr(), l.state(), l.error(), l.recordedAt()))
        .toList());
  }

  /** Applies one entity's letters of one consumer in order and removes them: all or none. Answers how many. */
  public CompletionStage<Integer> replay(String consumer, String persistenceId) {
    return known(consumer).thenCompose(registered -> registered.consumer().replay(persistenceId));
  }

  /** Removes one entity's letters of one consumer unapplied; the entity's later events flow. Answers how many. */
  public CompletionStage<Integer> discard(String consumer, String persistenceId) {
    return known(consumer).thenCompose(registered -> registered.consumer().discard(persistenceId));
  }

  private CompletionStage<Registered> known(String consumer) {
    Registered registered = consumers.get(consumer);
    return registered == null
        ? CompletableFuture.failedFuture(new IllegalArgumentException(
            "No consumer named " + consumer + "; the consumers are " + consumers.keySet().stream().sorted().toList()))
        : CompletableFuture.completedFuture(registered);
  }

  /** Runs {@code work} in one transaction on {@code blocking}: committed when it returns, rolled back if it throws. */
  static <T> CompletionStage<T> inTransaction(Database database, Executor blocking, Function<Connection, T> work) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return database.transact(work);
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, blocking);
  }
}
