package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/** {@code GET /metrics} on the management port: Prometheus text format (pekko.management.http.routes.metrics). */
public final class MetricsRoutes implements ManagementRouteProvider {

  private final NodeMetrics metrics;

  public MetricsRoutes(ExtendedActorSystem system) {
    this.metrics = NodeMetrics.get(Adapter.toTyped(system));
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return path("metrics", () -> get(() -> complete(
        HttpResponse.create().withEntity(ContentTypes.TEXT_PLAIN_UTF8, metrics.scrape()))));
  }
}
