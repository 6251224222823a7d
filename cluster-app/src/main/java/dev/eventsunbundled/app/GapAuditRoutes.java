package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.eventsunbundled.shell.GapAudit;
import java.util.Map;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/**
 * {@code POST /views/audit} on the management port: runs the gap audit of the views hosted on this node now and
 * answers the gaps it found and repaired ({@code {"gaps": [...]}}, empty when every view holds the whole journal).
 */
public final class GapAuditRoutes implements ManagementRouteProvider {

  private final GapAudit audit;

  public GapAuditRoutes(ExtendedActorSystem system) {
    this.audit = GapAudit.get(Adapter.toTyped(system));
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return pathPrefix("views", () -> path("audit", () -> post(() -> completeWithFuture(audit.run()
        .thenApply(gaps -> Json.ok(Map.of("gaps", gaps)))
        .exceptionally(failure -> Json.response(StatusCodes.SERVICE_UNAVAILABLE,
            Map.of("error", "The audit failed: " + ApiErrors.unwrap(failure).getMessage())))))));
  }
}
