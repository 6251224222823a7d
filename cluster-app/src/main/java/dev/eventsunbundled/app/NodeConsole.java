package dev.eventsunbundled.app;

import dev.eventsunbundled.shell.ClusterMeters;
import dev.eventsunbundled.shell.ProjectionHealth;
import dev.eventsunbundled.shell.RecentEvents;
import dev.eventsunbundled.shell.ShellMetrics;
import dev.eventsunbundled.shell.Topology;
import dev.eventsunbundled.shell.Unbundled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/** What the live console shows of this node, taken at one instant (the shell is attached once it started). */
public final class NodeConsole implements Extension {

  /** The console's data: topology, shards, projections, running totals and the latest events. */
  public record Snapshot(long time, Topology topology, Map<String, ClusterMeters.Hosted> entities,
      List<ProjectionHealth.Report> projections, Map<String, Double> recorded, Map<String, ViewTotals> views,
      List<RecentEvents.Recent> recent) {}

  /** Per view: events applied so far, and the summed lag of those events in milliseconds. */
  public record ViewTotals(double applied, double lagCount, double lagTotalMillis) {}

  private static final ExtensionId<NodeConsole> ID = new ExtensionId<>() {
    @Override
    public NodeConsole createExtension(ActorSystem<?> system) {
      return new NodeConsole(system);
    }
  };

  private final ActorSystem<?> system;
  private final AtomicReference<Unbundled> shell = new AtomicReference<>();

  private NodeConsole(ActorSystem<?> system) {
    this.system = system;
  }

  public static NodeConsole get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  void attach(Unbundled started) {
    shell.set(started);
  }

  /** This node's roles and functions, the layout and the cluster's members; fails when the shell has not started. */
  public Topology topology() {
    return started().topology();
  }

  /** This node now; fails when the shell has not started. */
  public Snapshot snapshot() {
    Unbundled started = started();
    MeterRegistry registry = ShellMetrics.get(system).registry();
    Map<String, Double> recorded = new TreeMap<>();
    registry.find("events.unbundled.handler.messages").tag("outcome", "recorded").counters()
        .forEach(c -> recorded.merge(c.getId().getTag("function"), c.count(), Double::sum));
    Map<String, ViewTotals> views = new TreeMap<>();
    for (Timer lag : registry.find("events.unbundled.projection.lag").timers()) {
      String view = lag.getId().getTag("view");
      double applied = registry.find("events.unbundled.projection.events.applied").tag("view", view).counters()
          .stream().mapToDouble(Counter::count).sum();
      views.put(view, new ViewTotals(applied, lag.count(), lag.totalTime(TimeUnit.MILLISECONDS)));
    }
    return new Snapshot(System.currentTimeMillis(), started.topology(), started.hostedEntities(),
        ProjectionHealth.get(system).reports(), recorded, views, RecentEvents.get(system).newestFirst());
  }

  private Unbundled started() {
    Unbundled started = shell.get();
    if (started == null) {
      throw new IllegalStateException("the shell has not started");
    }
    return started;
  }
}
