package dev.eventsunbundled.app;

import dev.eventsunbundled.shell.ShellMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's Prometheus registry: JVM and process meters, HTTP requests by route and status, the shell's meters;
 * empty when {@code events-unbundled.metrics.enabled} is off (to measure what metrics cost).
 */
public final class NodeMetrics implements Extension {

  private static final ExtensionId<NodeMetrics> ID = new ExtensionId<>() {
    @Override
    public NodeMetrics createExtension(ActorSystem<?> system) {
      return new NodeMetrics(system);
    }
  };

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final boolean enabled;
  /** Request timers by method, route and status: built once, not per request. */
  private final Map<List<Object>, Timer> requests = new ConcurrentHashMap<>();

  private NodeMetrics(ActorSystem<?> system) {
    this.enabled = system.settings().config().getBoolean("events-unbundled.metrics.enabled");
    if (!enabled) {
      return;
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    system.getWhenTerminated().thenRun(gc::close);
    ShellMetrics.get(system).registry().add(registry);
  }

  public static NodeMetrics get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** One API request: its route is the path's first segment, so ids never become label values. */
  void request(String method, String path, int status, long nanos) {
    if (!enabled) {
      return;
    }
    String route = route(path);
    requests.computeIfAbsent(List.of(method, route, status), key -> Timer.builder("http.server.requests")
            .description("API requests by route and status")
            .tags("method", method, "route", route, "status", Integer.toString(status))
            .publishPercentileHistogram().register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  static String route(String path) {
    int end = path.indexOf('/', 1);
    return end < 0 ? path : path.substring(0, end);
  }
}
