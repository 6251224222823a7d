package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/**
 * {@code GET /topology} on the management port (never the public API: it shows member addresses and roles): this
 * node's roles and functions, the layout, and the cluster's members.
 */
public final class TopologyRoutes implements ManagementRouteProvider {

  private final NodeConsole node;

  public TopologyRoutes(ExtendedActorSystem system) {
    this.node = NodeConsole.get(Adapter.toTyped(system));
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return path("topology", () -> get(() -> complete(Json.ok(node.topology()))));
  }
}
