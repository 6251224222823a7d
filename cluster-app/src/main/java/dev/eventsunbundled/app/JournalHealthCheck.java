package dev.eventsunbundled.app;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/** Readiness check (registered in conf/http.conf): the journal and view database answers. */
public final class JournalHealthCheck implements Supplier<CompletionStage<Boolean>> {

  private final JournalProbe probe;

  /** Constructed by pekko-management with the classic actor system. */
  public JournalHealthCheck(ActorSystem system) {
    this.probe = JournalProbe.get(Adapter.toTyped(system));
  }

  /** True when the database answers; otherwise fails with a reason that readiness reports. */
  @Override
  public CompletionStage<Boolean> get() {
    return probe.reachable().thenApply(reachable -> {
      if (!reachable) {
        throw new IllegalStateException("journal database is not reachable");
      }
      return true;
    });
  }
}
