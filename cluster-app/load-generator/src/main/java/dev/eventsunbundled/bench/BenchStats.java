package dev.eventsunbundled.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/** Thread-safe tally of the measured requests: latency of successes, errors by kind, one sample message per kind. */
final class BenchStats {

  private static final int SIGNIFICANT_DIGITS = 3;

  private final Recorder latencyMicros = new Recorder(SIGNIFICANT_DIGITS);
  private final LongAdder sent = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final Map<ErrorKind, LongAdder> errors = new EnumMap<>(ErrorKind.class);
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final Map<ErrorKind, String> samples = new ConcurrentHashMap<>();
  private final AtomicLong lastCompletion = new AtomicLong(Long.MIN_VALUE);

  BenchStats() {
    for (ErrorKind kind : ErrorKind.values()) {
      errors.put(kind, new LongAdder());
    }
  }

  void sent() {
    sent.increment();
  }

  /** Records one answer; latency runs from {@code startNanos} (the intended send time in open loop). */
  void record(long startNanos, InviteClient.Outcome outcome, Throwable failure) {
    InviteClient.Outcome o = outcome != null ? outcome
        : new InviteClient.Outcome(ErrorKind.UNEXPECTED, 0, "unexpected: " + failure, System.nanoTime());
    lastCompletion.accumulateAndGet(o.completedAt(), Math::max);
    if (o.ok()) {
      ok.increment();
      latencyMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(o.completedAt() - startNanos)));
      return;
    }
    errors.get(o.error()).increment();
    if (o.error() == ErrorKind.HTTP_STATUS) {
      statuses.computeIfAbsent(o.status(), s -> new LongAdder()).increment();
    }
    samples.putIfAbsent(o.error(), o.detail());
  }

  /** The totals, with the measured phase running from {@code measureStart} to the last answer. */
  BenchResult result(BenchOptions options, long measureStart) {
    Map<ErrorKind, Long> errorCounts = new EnumMap<>(ErrorKind.class);
    errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
    Map<Integer, Long> statusCounts = new TreeMap<>();
    statuses.forEach((status, count) -> statusCounts.put(status, count.sum()));
    Map<ErrorKind, String> sampleCopy = new EnumMap<>(ErrorKind.class);
    sampleCopy.putAll(samples);
    long last = lastCompletion.get();
    double seconds = last == Long.MIN_VALUE ? 0 : Math.max(0, last - measureStart) / 1e9;
    return new BenchResult(options, sent.sum(), ok.sum(), errorCounts, statusCounts,
        sampleCopy, seconds, latencyMicros.getIntervalHistogram());
  }
}
