package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.shell.DeadLetters.Letter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * Applies events to a view inside the caller's transaction, each at most once: first every event's entity
 * progress is claimed in the order of the entities' ids (those rows stay locked), then the projector folds the
 * claimed events into their rows, taken in the order of their keys, so that transactions touching the same rows
 * (pushed events of several tags, a projection catching up) lock them in one order and never deadlock. A row's
 * events keep their order. An event the projector keeps failing on becomes a dead letter, and its entity's later
 * events wait behind it, until an operator replays or discards them.
 */
final class ViewWriter<E, V extends Record> {

  /** One event to apply, with the entity and sequence number it came from. */
  private record Item(String persistenceId, long sequenceNr, Object event) {}

  private final Projector<E, V> projector;
  private final ViewTable<V> table;
  private final String consumer;
  private final DeadLetters deadLetters;
  private final EventCodec codec;
  private final Failures failures;

  ViewWriter(Projector<E, V> projector, ViewTable<V> table, DeadLetters deadLetters, EventCodec codec,
      int giveUpAfter) {
    this(projector, table, projector.meta().name(), deadLetters, codec, giveUpAfter);
  }

  ViewWriter(Projector<E, V> projector, ViewTable<V> table, String consumer, DeadLetters deadLetters,
      EventCodec codec, int giveUpAfter) {
    this.projector = projector;
    this.table = table;
    this.consumer = consumer;
    this.deadLetters = deadLetters;
    this.codec = codec;
    this.failures = new Failures(giveUpAfter);
  }

  ViewTable<V> table() {
    return table;
  }

  /** The consumer name its dead letters are kept under: the projector's name, and the generation after the first. */
  String consumer() {
    return consumer;
  }

  Failures failures() {
    return failures;
  }

  /**
   * Events read from the journal, in its order: each applied unless the view already has it (or a newer one of
   * its entity). One query tells what the view has of all their entities, so events pushed before cost no more;
   * only when some are new, a second asks which of their entities wait behind a dead letter. Answers those applied.
   */
  List<EventEnvelope<Object>> applyPolled(Connection c, List<EventEnvelope<Object>> envelopes) throws SQLException {
    ViewProgress progress = table.progress();
    Map<String, Long> applied = progress.appliedUpTo(c,
        envelopes.stream().map(EventEnvelope::persistenceId).collect(Collectors.toSet()));
    Set<String> blocked = deadLetters.blocked(c, consumer(), envelopes.stream()
        .filter(envelope -> applied.getOrDefault(envelope.persistenceId(), 0L) < envelope.sequenceNr())
        .map(EventEnvelope::persistenceId).collect(Collectors.toSet()));
    List<EventEnvelope<Object>> claimed = new ArrayList<>();
    for (EventEnvelope<Object> envelope : byEntity(envelopes, EventEnvelope::persistenceId)) {
      String persistenceId = envelope.persistenceId();
      long sequenceNr = envelope.sequenceNr();
      if (applied.getOrDefault(persistenceId, 0L) < sequenceNr) {
        Optional<String> givenUp = failures.givenUp(persistenceId, sequenceNr);
        if (blocked.contains(persistenceId) || givenUp.isPresent()) {
          deadLetters.add(c, codec.letter(consumer(), persistenceId, sequenceNr,
              givenUp.isPresent() ? DeadLetters.FAILED : DeadLetters.WAITING, givenUp.orElse(null), envelope.event()));
          blocked.add(persistenceId);
          failures.forget(persistenceId, sequenceNr);
        } else if (progress.claim(c, persistenceId, sequenceNr)) {
          claimed.add(envelope);
        }
      }
      applied.merge(persistenceId, sequenceNr, Math::max);
    }
    project(c, claimed.stream()
        .map(envelope -> new Item(envelope.persistenceId(), envelope.sequenceNr(), Traced.event(envelope.event())))
        .toList());
    return claimed;
  }

  /** Pushed events, in arrival order: each applied only if it is the next one of its entity; answers those. */
  List<Pushed> applyPushed(Connection c, List<Pushed> batch) throws SQLException {
    List<Pushed> claimed = new ArrayList<>();
    for (Pushed pushed : byEntity(batch, Pushed::persistenceId)) {
      if (table.progress().claimNext(c, pushed.persistenceId(), pushed.sequenceNr(), pushed.previous())) {
        claimed.add(pushed);
      }
    }
    project(c, claimed.stream().map(pushed -> new Item(pushed.persistenceId(), pushed.sequenceNr(), pushed.event()))
        .toList());
    return claimed;
  }

  /** Applies an entity's dead letters in order, then removes them; answers how many it applied. */
  int replay(Connection c, String persistenceId) throws SQLException {
    List<Letter> letters = deadLetters.find(c, consumer(), persistenceId);
    List<Item> items = new ArrayList<>();
    for (Letter letter : letters) {
      if (table.progress().claim(c, persistenceId, letter.sequenceNr())) {
        items.add(new Item(persistenceId, letter.sequenceNr(), Traced.event(codec.event(letter))));
      }
    }
    project(c, items);
    return letters.isEmpty() ? 0 : deadLetters.remove(c, consumer(), persistenceId, last(letters));
  }

  /** Drops an entity's dead letters unapplied; its later events flow again. Answers how many it dropped. */
  int discard(Connection c, String persistenceId) throws SQLException {
    List<Letter> letters = deadLetters.find(c, consumer(), persistenceId);
    if (letters.isEmpty()) {
      return 0;
    }
    table.progress().claim(c, persistenceId, last(letters));
    return deadLetters.remove(c, consumer(), persistenceId, last(letters));
  }

  private static long last(List<Letter> letters) {
    return letters.get(letters.size() - 1).sequenceNr();
  }

  /** Stable: the events of one entity keep their order, the entities' progress rows are locked in one order. */
  private static <T> List<T> byEntity(List<T> events, Function<T, String> persistenceId) {
    return events.stream().sorted(Comparator.comparing(persistenceId)).toList();
  }

  /**
   * A new row is inserted at once (the common case: one round trip); an existing one is locked, then updated; one
   * batch notes which events made which rows ({@link RowEvents}). A projector that throws fails the event
   * ({@link EventFailed}); a database error fails the transaction.
   */
  private void project(Connection c, List<Item> claimed) throws SQLException {
    List<Map.Entry<String, Item>> keyed = new ArrayList<>();
    for (Item item : claimed) {
      if (projector.input().isInstance(item.event())) {
        keyed.add(Map.entry(call(item, () -> projector.rowKey(event(item))), item));
      }
    }
    keyed.sort(Map.Entry.comparingByKey());
    List<String> keys = new ArrayList<>();
    List<String> persistenceIds = new ArrayList<>();
    List<Long> sequenceNrs = new ArrayList<>();
    for (Map.Entry<String, Item> entry : keyed) {
      String key = entry.getKey();
      Item item = entry.getValue();
      keys.add(key);
      persistenceIds.add(item.persistenceId());
      sequenceNrs.add(item.sequenceNr());
      if (!table.insertIfAbsent(c, call(item, () -> projector.project(projector.emptyRow(key), event(item))))) {
        V current = table.find(c, key, true).orElseThrow();
        V next = call(item, () -> projector.project(current, event(item)));
        if (!next.equals(current)) {
          table.update(c, next);
        }
      }
    }
    table.rowEvents().record(c, keys, persistenceIds, sequenceNrs);
  }

  private E event(Item item) {
    return projector.input().cast(item.event());
  }

  private static <T> T call(Item item, Supplier<T> function) {
    try {
      return function.get();
    } catch (RuntimeException e) {
      throw new EventFailed(item.persistenceId(), item.sequenceNr(), e);
    }
  }
}
