package dev.eventsunbundled.shell;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * What the shell measures, per actor system, into one Micrometer registry a deployable exposes (add its registry,
 * e.g. Prometheus, to {@link #registry()}): messages handled per function and outcome, persist latency, events
 * applied per view and path (push or poll) with their lag, and resolver waits per outcome.
 */
public final class ShellMetrics implements Extension {

  private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20),
      Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10)};

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

  /** The extension's id; {@link #get} registers it once per system. */
  public static final ExtensionId<ShellMetrics> ID = new ExtensionId<>() {
    @Override
    public ShellMetrics createExtension(ActorSystem<?> system) {
      return new ShellMetrics();
    }
  };

  public static ShellMetrics get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  /** Where the shell's meters live; a deployable adds the registry it exposes. */
  public CompositeMeterRegistry registry() {
    return registry;
  }

  /** One message handled by a function: {@code outcome} is recorded, noticed or unchanged. */
  void handled(String function, String outcome) {
    Counter.builder("events.unbundled.handler.messages").description("Messages handled by a function")
        .tags("function", function, "outcome", outcome).register(registry).increment();
  }

  /** How long a function's event took from the decision to the journal's commit. */
  void persisted(String function, long nanos) {
    Timer.builder("events.unbundled.handler.persist").description("Journal write of a function's event")
        .tags("function", function).register(registry).record(Duration.ofNanos(nanos));
  }

  /** One event applied to a view, pushed or polled, {@code lagMillis} after it was written. */
  void applied(String view, String path, long lagMillis) {
    Counter.builder("events.unbundled.projection.events.applied").description("Events applied to a view")
        .tags("view", view, "path", path).register(registry).increment();
    Timer.builder("events.unbundled.projection.lag").description("From the event's write to its view's commit")
        .tags("view", view).serviceLevelObjectives(LAG_BUCKETS).register(registry)
        .record(Duration.ofMillis(Math.max(0, lagMillis)));
  }

  /** One request resolved: {@code outcome} is answered, refused, timeout or failed. */
  void resolved(String resolver, String outcome, long nanos) {
    Timer.builder("events.unbundled.resolver.wait").description("From a request to its projected answer")
        .tags("resolver", resolver, "outcome", outcome).register(registry).record(Duration.ofNanos(nanos));
  }
}
