package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Reads view rows and progress of each view's serving generation on a blocking dispatcher, never on an actor's thread. */
final class ViewReader {

  private final Database database;
  private final Map<String, ViewGenerations<?>> tables;
  private final Executor blocking;

  ViewReader(Database database, Map<String, ViewGenerations<?>> tables, Executor blocking) {
    this.database = database;
    this.tables = Map.copyOf(tables);
    this.blocking = blocking;
  }

  <V extends Record> CompletionStage<Optional<V>> row(View<V> view, String key) {
    ViewTable<V> table = table(view.name());
    return async(() -> database.read(c -> table.find(c, key, false)));
  }

  <V extends Record> CompletionStage<List<V>> rows(View<V> view, String column, Object value) {
    ViewTable<V> table = table(view.name());
    return async(() -> database.read(c -> table.findBy(c, column, value)));
  }

  /** The journal events that made the row, oldest first. */
  <V extends Record> CompletionStage<List<RowEvents.Stored>> storedEvents(View<V> view, String key) {
    ViewTable<V> table = table(view.name());
    return async(() -> database.read(c -> table.rowEvents().of(c, key)));
  }

  CompletionStage<Boolean> hasApplied(String view, Token token) {
    ViewTable<?> table = table(view);
    return async(() -> database.read(c -> table.progress().appliedUpTo(c, token.persistenceId()) >= token.sequenceNr()));
  }

  CompletionStage<Boolean> reachable() {
    return async(() -> database.read(c -> c.isValid(2)));
  }

  /** The view's serving generation. */
  @SuppressWarnings("unchecked")
  <V extends Record> ViewTable<V> table(String view) {
    ViewGenerations<?> generations = tables.get(view);
    if (generations == null) {
      throw new IllegalArgumentException("No view named " + view + " is hosted by this shell");
    }
    return (ViewTable<V>) generations.serving();
  }

  private <T> CompletionStage<T> async(Query<T> query) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return query.run();
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, blocking);
  }

  private interface Query<T> {
    T run() throws Exception;
  }
}
