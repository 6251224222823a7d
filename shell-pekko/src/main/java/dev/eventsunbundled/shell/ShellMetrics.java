package dev.eventsunbundled.shell;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * What the shell measures, per actor system, into one Micrometer registry a deployable exposes (add its registry,
 * e.g. Prometheus, to {@link #registry()}): messages handled per function and outcome, persist latency, events
 * applied per view and path (push or poll) with their lag, resolver waits per outcome, and journal gaps
 * skipped; {@link ProjectionHealth} adds each projection's errors, restarts and distance, {@link ClusterMeters} the
 * cluster's members and this node's shards.
 */
public final class ShellMetrics implements Extension {

  private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20),
      Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10)};

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  /** Meters by what they count: built once, not per event. */
  private final Map<List<String>, Meter> meters = new ConcurrentHashMap<>();

  /** The extension's id; {@link #get} registers it once per system. */
  public static final ExtensionId<ShellMetrics> ID = new ExtensionId<>() {
    @Override
    public ShellMetrics createExtension(ActorSystem<?> system) {
      return new ShellMetrics();
    }
  };

  private ShellMetrics() {
    FunctionCounter.builder("events.unbundled.journal.gaps.skipped", JournalGaps.SKIPPED, AtomicLong::get)
        .description("Journal positions proven empty for good and skipped by the readers of this JVM")
        .register(registry);
  }

  public static ShellMetrics get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  /** Where the shell's meters live; a deployable adds the registry it exposes. */
  public CompositeMeterRegistry registry() {
    return registry;
  }

  /** One message handled by a function: {@code outcome} is recorded, noticed or unchanged. */
  void handled(String function, String outcome) {
    meter(List.of("handled", function, outcome), () -> Counter.builder("events.unbundled.handler.messages")
        .description("Messages handled by a function").tags("function", function, "outcome", outcome)
        .register(registry)).increment();
  }

  /** How long a function's event took from the decision to the journal's commit. */
  void persisted(String function, long nanos) {
    meter(List.of("persisted", function), () -> Timer.builder("events.unbundled.handler.persist")
        .description("Journal write of a function's event").tags("function", function).register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One event of {@code tag} applied to a view, pushed or polled, {@code lagMillis} after it was written. */
  void applied(String view, String tag, String path, long lagMillis) {
    meter(List.of("applied", view, tag, path), () -> Counter.builder("events.unbundled.projection.events.applied")
        .description("Events applied to a view").tags("view", view, "tag", tag, "path", path).register(registry))
        .increment();
    meter(List.of("lag", view), () -> Timer.builder("events.unbundled.projection.lag")
        .description("From the event's write to its view's commit").tags("view", view)
        .serviceLevelObjectives(LAG_BUCKETS).register(registry))
        .record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
  }

  /** One request resolved: {@code outcome} is answered, refused, timeout or failed. */
  void resolved(String resolver, String outcome, long nanos) {
    meter(List.of("resolved", resolver, outcome), () -> Timer.builder("events.unbundled.resolver.wait")
        .description("From a request to its projected answer").tags("resolver", resolver, "outcome", outcome)
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Events a view had missed, found by the gap audit and re-delivered. */
  void gapRepaired(String view, int events) {
    meter(List.of("gaps", view), () -> Counter.builder("events.unbundled.view.gap.events.redelivered")
        .description("Events a view had missed, found by the gap audit and re-delivered").tags("view", view)
        .register(registry)).increment(events);
  }

  @SuppressWarnings("unchecked")
  private <M extends Meter> M meter(List<String> key, Supplier<M> create) {
    return (M) meters.computeIfAbsent(key, k -> create.get());
  }
}
