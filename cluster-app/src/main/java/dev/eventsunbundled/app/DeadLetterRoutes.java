package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameter;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.eventsunbundled.shell.DeadLetterOffice;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/**
 * Dead letters on the management port (pekko.management.http.routes.deadletters): {@code GET /deadletters};
 * {@code POST /deadletters/replay} and {@code /deadletters/discard} with {@code consumer} and {@code entity}.
 */
public final class DeadLetterRoutes implements ManagementRouteProvider {

  private final DeadLetterOffice office;

  public DeadLetterRoutes(ExtendedActorSystem system) {
    this.office = DeadLetterOffice.get(Adapter.toTyped(system));
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return pathPrefix("deadletters", () -> concat(
        pathEnd(() -> get(() -> completeWithFuture(office.list().thenApply(Json::ok)))),
        path("replay", () -> post(() -> act("replayed", office::replay))),
        path("discard", () -> post(() -> act("discarded", office::discard)))));
  }

  private static Route act(String done, BiFunction<String, String, CompletionStage<Integer>> action) {
    return parameter("consumer", consumer -> parameter("entity", entity -> completeWithFuture(
        action.apply(consumer, entity)
            .thenApply(count -> Json.ok(Map.of(done, count)))
            .exceptionally(DeadLetterRoutes::refused))));
  }

  private static HttpResponse refused(Throwable failure) {
    Throwable cause = ApiErrors.unwrap(failure);
    return Json.response(cause instanceof IllegalArgumentException ? StatusCodes.BAD_REQUEST : StatusCodes.CONFLICT,
        Map.of("error", String.valueOf(cause.getMessage())));
  }
}
