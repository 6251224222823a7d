package dev.eventsunbundled.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The outcome of one run and its human- and machine-readable report. */
record BenchResult(
    BenchOptions options,
    long sent,
    long ok,
    Map<ErrorKind, Long> errors,
    Map<Integer, Long> httpStatuses,
    Map<ErrorKind, String> samples,
    double measuredSeconds,
    Histogram latencyMicros) {

  /** Requests that failed for any reason, timeouts included. */
  long failed() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  long timeouts() {
    return errors.get(ErrorKind.TIMEOUT);
  }

  /** Requests sent but not answered when the run ended. */
  long unfinished() {
    return Math.max(0, sent - ok - failed());
  }

  /** Answers per second, successes and failures alike. */
  double achievedRate() {
    return measuredSeconds == 0 ? 0 : (ok + failed()) / measuredSeconds;
  }

  /** Successes per second: the sustained throughput. */
  double throughput() {
    return measuredSeconds == 0 ? 0 : ok / measuredSeconds;
  }

  double millis(double percentile) {
    long micros = percentile >= 100 ? latencyMicros.getMaxValue() : latencyMicros.getValueAtPercentile(percentile);
    return micros / 1000.0;
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "sent %d  ok %d  errors %d (%s)  timeouts %d%n", sent, ok, failed(), byKind(), timeouts());
    if (!httpStatuses.isEmpty()) {
      out.println("http statuses " + httpStatuses);
    }
    if (unfinished() > 0) {
      out.println("unfinished " + unfinished() + " (still in flight when the run ended)");
    }
    out.printf(Locale.ROOT, "measured %.2f s  achieved %.1f req/s  throughput %.1f ok/s%n",
        measuredSeconds, achievedRate(), throughput());
    String from = options.mode() == BenchOptions.Mode.OPEN ? "from intended send time" : "from actual send time";
    out.printf(Locale.ROOT, "latency ms of successes (%s): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
        from, millis(50), millis(90), millis(99), millis(99.9), millis(100));
    samples.values().forEach(sample -> out.println("sample error " + sample));
    out.println(resultLine());
  }

  /** One line for scripts: {@code RESULT key=value ...}. */
  String resultLine() {
    String pace = options.mode() == BenchOptions.Mode.OPEN ? "rate=" + BenchOptions.format(options.rate()) + " " : "";
    return String.format(Locale.ROOT,
        "RESULT mode=%s %sconcurrency=%d sent=%d ok=%d errors=%d %s unfinished=%d seconds=%.3f achieved=%.1f"
            + " throughput=%.1f p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f",
        options.mode().name().toLowerCase(Locale.ROOT), pace, options.concurrency(), sent, ok, failed(), byKind(),
        unfinished(), measuredSeconds, achievedRate(), throughput(), millis(50), millis(90), millis(99), millis(99.9),
        millis(100));
  }

  private String byKind() {
    return errors.entrySet().stream()
        .map(e -> e.getKey().label() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
