package dev.eventsunbundled.app;

import dev.eventsunbundled.shell.Stages;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** CompletionStage helpers: deadlines without blocking, and {@link #await} for main threads and tests only. */
public final class Futures {

  private Futures() {}

  /** A copy of the stage that fails with {@link TimeoutException} when it has not completed in time. */
  static <T> CompletableFuture<T> within(CompletionStage<T> stage, Duration timeout) {
    return Stages.plain(stage).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Calls something that returns a stage, turning a synchronous throw into a failed stage. */
  static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Blocks the calling thread for the stage's value; never call it on a Pekko dispatcher. */
  public static <T> T await(CompletionStage<T> stage, Duration timeout) {
    try {
      return within(stage, timeout).get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TimeoutException) {
        throw new IllegalStateException("Not completed within " + timeout, cause);
      }
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting", e);
    }
  }
}
