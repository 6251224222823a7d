package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEndOrSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.eventsunbundled.shell.GapAudit;
import dev.eventsunbundled.shell.ViewRebuilds;
import java.util.Map;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/**
 * The views on the management port: {@code GET /views} (each view's serving generation, the one being built and its
 * progress), {@code POST /views/<view>/rebuild} (build the view anew from the journal next to the serving table),
 * and {@code POST /views/audit} (the gap audit of the views hosted on this node, now: {@code {"gaps": [...]}}).
 */
public final class ViewRoutes implements ManagementRouteProvider {

  private final GapAudit audit;
  private final ViewRebuilds rebuilds;

  public ViewRoutes(ExtendedActorSystem system) {
    this.audit = GapAudit.get(Adapter.toTyped(system));
    this.rebuilds = ViewRebuilds.get(Adapter.toTyped(system));
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return pathPrefix("views", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> completeWithFuture(rebuilds.status()
            .thenApply(views -> Json.ok(Map.of("views", views)))
            .exceptionally(failure -> unavailable("The views could not be read", failure))))),
        path("audit", () -> post(() -> completeWithFuture(audit.run()
            .thenApply(gaps -> Json.ok(Map.of("gaps", gaps)))
            .exceptionally(failure -> unavailable("The audit failed", failure))))),
        path(PathMatchers.segment().slash("rebuild"), view -> post(() -> completeWithFuture(rebuilds.rebuild(view)
            .thenApply(Json::ok)
            .exceptionally(failure -> ApiErrors.unwrap(failure) instanceof IllegalArgumentException unknown
                ? Json.response(StatusCodes.NOT_FOUND, Map.of("error", unknown.getMessage()))
                : unavailable("The rebuild could not start", failure)))))));
  }

  private static org.apache.pekko.http.javadsl.model.HttpResponse unavailable(String what, Throwable failure) {
    return Json.response(StatusCodes.SERVICE_UNAVAILABLE,
        Map.of("error", what + ": " + ApiErrors.unwrap(failure).getMessage()));
  }
}
