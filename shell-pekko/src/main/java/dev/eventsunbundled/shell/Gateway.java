package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Resolver;
import dev.eventsunbundled.low.View;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What route handlers (GraphQL, REST) call: send a request and await its projected answer, or read a view. */
public interface Gateway {

  /**
   * Sends the request to its handler and completes with the resolver's view row once the view has applied
   * the handler's latest event. Fails with {@link Refused} (the function's notice) or {@link ResolveTimeout}.
   */
  default <C, V extends Record> CompletionStage<V> resolve(Resolver<C, ?, V> resolver, C request,
      String correlationId) {
    return resolve(resolver, request, correlationId, null);
  }

  /** As {@link #resolve(Resolver, Object, String)}; {@code caller} (who sent it, may be null) is kept with the event. */
  <C, V extends Record> CompletionStage<V> resolve(Resolver<C, ?, V> resolver, C request, String correlationId,
      String caller);

  /** The row of a view with this key. */
  <V extends Record> CompletionStage<Optional<V>> row(View<V> view, String key);

  /** The rows of a view whose indexed column equals the value. */
  <V extends Record> CompletionStage<List<V>> rows(View<V> view, String column, Object value);

  /** The events that made a view's row, oldest first, with when each was written (empty for an unknown row). */
  default <V extends Record> CompletionStage<List<HistoryEntry>> history(View<V> view, String key) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("history is not kept here"));
  }

  /**
   * The row as it was at {@code asOf}: the events written until then folded through the view's projector; empty
   * when none was.
   */
  default <V extends Record> CompletionStage<Optional<V>> rowAsOf(View<V> view, String key, Instant asOf) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("history is not kept here"));
  }
}
