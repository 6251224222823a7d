package dev.eventsunbundled.app;

import dev.eventsunbundled.shell.ProjectionHealth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/** Readiness check (registered in conf/http.conf): no projection on this node keeps failing or lags too far. */
public final class ProjectionsHealthCheck implements Supplier<CompletionStage<Boolean>> {

  private final ProjectionHealth health;

  /** Constructed by pekko-management with the classic actor system. */
  public ProjectionsHealthCheck(ActorSystem system) {
    this.health = ProjectionHealth.get(Adapter.toTyped(system));
  }

  /** True when every projection here is healthy; otherwise fails naming each one that is not, and why. */
  @Override
  public CompletionStage<Boolean> get() {
    List<String> problems = health.problems();
    return problems.isEmpty()
        ? CompletableFuture.completedFuture(true)
        : CompletableFuture.failedFuture(new IllegalStateException(String.join("; ", problems)));
  }
}
