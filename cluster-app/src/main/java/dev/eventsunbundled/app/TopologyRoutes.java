package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /topology}: this node's roles and functions, the layout, and the cluster's members. */
final class TopologyRoutes {

  private final Supplier<?> topology;

  TopologyRoutes(Supplier<?> topology) {
    this.topology = topology;
  }

  Route route() {
    return path("topology", () -> get(() -> complete(Json.ok(topology.get()))));
  }
}
