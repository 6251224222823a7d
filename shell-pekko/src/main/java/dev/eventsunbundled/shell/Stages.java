package dev.eventsunbundled.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Pekko's Java API hands out Scala futures seen as {@link CompletionStage}s, and those run every dependent stage
 * asynchronously on the common pool — which, below 3 cores, starts a new thread per stage. Dependents of the
 * plain future this answers run where the stage completes, on a thread Pekko already has.
 */
public final class Stages {

  private Stages() {}

  public static <T> CompletableFuture<T> plain(CompletionStage<T> stage) {
    CompletableFuture<T> plain = new CompletableFuture<>();
    stage.whenCompleteAsync((value, failure) -> {
      if (failure == null) {
        plain.complete(value);
      } else {
        plain.completeExceptionally(failure);
      }
    }, Runnable::run);
    return plain;
  }
}
