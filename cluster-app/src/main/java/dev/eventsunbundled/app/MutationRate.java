package dev.eventsunbundled.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mutations per authenticated caller: a token bucket each ({@code per-second}, up to {@code burst} at once); an
 * anonymous caller (loopback, no authentication) is not limited.
 */
final class MutationRate {

  private static final int MAX_CALLERS = 100_000;

  private final double perSecond;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  MutationRate(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Takes {@code mutations} tokens from the caller's bucket; false (and takes none) when it holds too few. */
  boolean take(Caller caller, int mutations) {
    if (!caller.authenticated() || perSecond <= 0) {
      return true;
    }
    if (buckets.size() > MAX_CALLERS) {
      buckets.clear();
    }
    return buckets.computeIfAbsent(caller.name(), name -> new Bucket(burst)).take(mutations, perSecond, burst);
  }

  /** Seconds until one more mutation is allowed, at least 1 (for Retry-After). */
  long retryAfterSeconds() {
    return Math.max(1, (long) Math.ceil(1 / perSecond));
  }

  private static final class Bucket {
    private double tokens;
    private long refilledAt = System.nanoTime();

    Bucket(double tokens) {
      this.tokens = tokens;
    }

    synchronized boolean take(int n, double perSecond, double burst) {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
      refilledAt = now;
      if (tokens < n) {
        return false;
      }
      tokens -= n;
      return true;
    }
  }
}
