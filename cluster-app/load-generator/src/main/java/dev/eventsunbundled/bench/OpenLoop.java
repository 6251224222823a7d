package dev.eventsunbundled.bench;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Open loop: sends on a fixed schedule and measures each latency from its intended send time (no coordinated omission). */
final class OpenLoop {

  private OpenLoop() {}

  /** Runs warm-up and measured phase; returns when every measured request is answered (or the drain gives up). */
  static BenchResult drive(BenchOptions options, InviteClient client, Executor callbacks) throws InterruptedException {
    BenchStats stats = new BenchStats();
    Semaphore inFlight = new Semaphore(options.concurrency());
    double nanosPerRequest = 1e9 / options.rate();
    long t0 = System.nanoTime();
    long warmupEnd = t0 + options.warmup().toNanos();
    long measureEnd = warmupEnd + options.duration().toNanos();
    long measured = 0;
    for (long i = 0; ; i++) {
      long intended = t0 + (long) (i * nanosPerRequest);
      boolean warm = intended < warmupEnd;
      boolean done = options.requests() > 0 ? measured >= options.requests() : intended >= measureEnd;
      if (!warm && done) {
        break;
      }
      waitUntil(intended);
      inFlight.acquire();
      if (!warm) {
        measured++;
        stats.sent();
      }
      client.sendNext().whenCompleteAsync((outcome, failure) -> {
        try {
          if (!warm) {
            stats.record(intended, outcome, failure);
          }
        } finally {
          inFlight.release();
        }
      }, callbacks);
    }
    long drainNanos = options.timeout().toNanos() + TimeUnit.SECONDS.toNanos(10);
    if (inFlight.tryAcquire(options.concurrency(), drainNanos, TimeUnit.NANOSECONDS)) {
      inFlight.release(options.concurrency());
    }
    return stats.result(options, warmupEnd);
  }

  private static void waitUntil(long deadline) {
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
