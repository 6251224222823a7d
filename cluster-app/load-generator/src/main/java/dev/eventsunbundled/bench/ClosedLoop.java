package dev.eventsunbundled.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/** Closed loop: N clients, each sending its next request as soon as its previous one is answered. */
final class ClosedLoop {

  private final BenchOptions options;
  private final InviteClient client;
  private final Executor callbacks;
  private final BenchStats stats = new BenchStats();
  private final AtomicLong tickets = new AtomicLong();
  private final long warmupEnd;
  private final long measureEnd;

  private ClosedLoop(BenchOptions options, InviteClient client, Executor callbacks) {
    this.options = options;
    this.client = client;
    this.callbacks = callbacks;
    this.warmupEnd = System.nanoTime() + options.warmup().toNanos();
    this.measureEnd = warmupEnd + options.duration().toNanos();
  }

  /** Runs warm-up and measured phase; returns when every client has stopped. */
  static BenchResult drive(BenchOptions options, InviteClient client, Executor callbacks) throws InterruptedException {
    ClosedLoop loop = new ClosedLoop(options, client, callbacks);
    CompletableFuture<?>[] clients = new CompletableFuture<?>[options.concurrency()];
    for (int c = 0; c < clients.length; c++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      clients[c] = done;
      callbacks.execute(() -> loop.next(done));
    }
    try {
      CompletableFuture.allOf(clients).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a bench client failed", e.getCause());
    }
    return loop.stats.result(options, loop.warmupEnd);
  }

  private void next(CompletableFuture<Void> done) {
    try {
      long start = System.nanoTime();
      boolean warm = start < warmupEnd;
      if (!warm) {
        boolean over = options.requests() > 0 ? tickets.incrementAndGet() > options.requests() : start >= measureEnd;
        if (over) {
          done.complete(null);
          return;
        }
        stats.sent();
      }
      client.sendNext().whenCompleteAsync((outcome, failure) -> {
        try {
          if (!warm) {
            stats.record(start, outcome, failure);
          }
        } finally {
          next(done);
        }
      }, callbacks);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }
}
