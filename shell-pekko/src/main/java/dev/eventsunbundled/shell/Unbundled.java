package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Resolver;
import dev.eventsunbundled.low.View;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/** The shell on one node: starts what this node's roles host and serves the {@link Gateway}. */
public final class Unbundled implements Gateway {

  private Unbundled() {}

  /** Creates the schema, starts the entities, projections and resolvers this node's roles host. */
  public static Unbundled start(ActorSystem<?> system, Functions functions) {
    throw new UnsupportedOperationException("being written");
  }

  /** Completes with true when the journal/view database answers a trivial query. */
  public CompletionStage<Boolean> databaseReachable() {
    throw new UnsupportedOperationException("being written");
  }

  @Override
  public <C, V extends Record> CompletionStage<V> resolve(
      Resolver<C, ?, V> resolver, C request, String correlationId) {
    throw new UnsupportedOperationException("being written");
  }

  @Override
  public <V extends Record> CompletionStage<Optional<V>> row(View<V> view, String key) {
    throw new UnsupportedOperationException("being written");
  }

  @Override
  public <V extends Record> CompletionStage<List<V>> rows(View<V> view, String column, Object value) {
    throw new UnsupportedOperationException("being written");
  }
}
