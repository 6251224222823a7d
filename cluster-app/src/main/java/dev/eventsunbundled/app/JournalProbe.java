package dev.eventsunbundled.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/** Per actor system: how to ask the shell whether its database answers (attached once the shell started). */
public final class JournalProbe implements Extension {

  private static final ExtensionId<JournalProbe> ID = new ExtensionId<>() {
    @Override
    public JournalProbe createExtension(ActorSystem<?> system) {
      return new JournalProbe();
    }
  };

  private final AtomicReference<Supplier<CompletionStage<Boolean>>> check = new AtomicReference<>();

  private JournalProbe() {}

  public static JournalProbe get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public void attach(Supplier<CompletionStage<Boolean>> databaseReachable) {
    check.set(databaseReachable);
  }

  /** True when the database answered; fails when it did not or when no shell is attached yet. */
  public CompletionStage<Boolean> reachable() {
    Supplier<CompletionStage<Boolean>> attached = check.get();
    if (attached == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("the shell has not started"));
    }
    return Futures.call(attached);
  }
}
