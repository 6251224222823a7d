package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import dev.eventsunbundled.shell.Stages;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.CheckResult;
import org.apache.pekko.management.javadsl.HealthChecks;

/** {@code GET /health/ready} and {@code /health/alive}: pekko-management's checks, also served on the API port. */
final class HealthRoutes {

  private final HealthChecks checks;

  HealthRoutes(HealthChecks checks) {
    this.checks = checks;
  }

  Route route(String cid) {
    return pathPrefix("health", () -> concat(
        path("ready", () -> get(() -> answer(checks.readyResult(), "ready", cid))),
        path("alive", () -> get(() -> answer(checks.aliveResult(), "alive", cid)))));
  }

  private static Route answer(CompletionStage<CheckResult> check, String state, String cid) {
    return completeWithFuture(Stages.plain(check)
        .thenApply(result -> result.isSuccess()
            ? Json.ok(Map.of("status", state))
            : Json.error(StatusCodes.SERVICE_UNAVAILABLE, "Not " + state + ": " + result.failure().orElse("?"), cid))
        .exceptionally(failure -> Json.error(StatusCodes.SERVICE_UNAVAILABLE,
            "Not " + state + ": " + ApiErrors.unwrap(failure).getMessage(), cid)));
  }
}
