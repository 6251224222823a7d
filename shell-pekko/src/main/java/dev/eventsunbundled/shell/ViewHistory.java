package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.View;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * A view row's past, from the journal: the events that made it ({@link RowEvents}), and the row as it was at an
 * instant, folded from those events through the view's own projector: no second copy of the logic.
 */
final class ViewHistory {

  private final ViewReader views;
  private final Map<String, Projector<?, ?>> projectors;
  private final Serialization serialization;

  ViewHistory(ActorSystem<?> system, ViewReader views, List<Projector<?, ?>> projectors) {
    this.views = views;
    this.projectors = projectors.stream().collect(Collectors.toMap(p -> p.view().name(), Function.identity()));
    this.serialization = SerializationExtension.get(Adapter.toClassic(system));
  }

  <V extends Record> CompletionStage<List<HistoryEntry>> of(View<V> view, String key) {
    return views.storedEvents(view, key).thenApply(stored -> stored.stream().map(this::entry).toList());
  }

  <V extends Record> CompletionStage<Optional<V>> rowAsOf(View<V> view, String key, Instant asOf) {
    @SuppressWarnings("unchecked")
    Projector<Object, V> projector = (Projector<Object, V>) projectors.get(view.name());
    if (projector == null) {
      throw new IllegalArgumentException("No projector of view " + view.name() + " is registered");
    }
    return of(view, key).thenApply(history -> {
      List<Object> events = history.stream().filter(entry -> !entry.at().isAfter(asOf)).map(HistoryEntry::event)
          .filter(projector.input()::isInstance).toList();
      if (events.isEmpty()) {
        return Optional.empty();
      }
      V row = projector.emptyRow(key);
      for (Object event : events) {
        row = projector.project(row, event);
      }
      return Optional.of(row);
    });
  }

  private HistoryEntry entry(RowEvents.Stored stored) {
    Object journalEvent = serialization.deserialize(stored.payload(), stored.serializerId(), stored.manifest()).get();
    return new HistoryEntry(stored.writtenAt(), stored.persistenceId(), stored.sequenceNr(),
        Traced.event(journalEvent), Traced.correlationId(journalEvent), Traced.caller(journalEvent));
  }
}
