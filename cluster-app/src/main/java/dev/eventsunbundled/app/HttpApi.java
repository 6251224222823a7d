package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.handleExceptions;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeader;
import static org.apache.pekko.http.javadsl.server.Directives.withSizeLimit;

import com.typesafe.config.Config;
import dev.eventsunbundled.shell.Gateway;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.HealthCheckSettings;
import org.apache.pekko.management.javadsl.HealthChecks;

/** The node's whole HTTP API: GraphQL, REST and health, behind correlation ids, access log and JSON errors. */
public final class HttpApi {

  private final HttpSettings settings;
  private final GraphQlRoutes graphQl;
  private final ApiCalls calls;
  private final List<HostedProcess> processes;
  private final HealthRoutes health;
  private final TopologyRoutes topology;
  private final Optional<String> notServedHere;
  private final NodeMetrics metrics;
  private final InFlightRequests inFlight = new InFlightRequests();
  private final DatabaseGate database;

  private HttpApi(HttpSettings settings, Gateway gateway, List<HostedProcess> processes, HealthChecks checks,
      Supplier<?> topology, Optional<String> notServedHere, NodeMetrics metrics, DatabaseGate database) {
    this.settings = settings;
    this.database = database;
    this.metrics = metrics;
    this.calls = new ApiCalls(gateway, settings.requestTimeout());
    this.processes = List.copyOf(processes);
    this.graphQl = new GraphQlRoutes(new GraphQlApi(settings, calls, processes));
    this.health = new HealthRoutes(checks);
    this.topology = new TopologyRoutes(topology);
    this.notServedHere = notServedHere;
  }

  /** The API of this actor system, with settings and health checks from its configuration. */
  public static HttpApi create(
      ActorSystem<?> system, Gateway gateway, List<HostedProcess> processes, Supplier<?> topology) {
    return create(system, gateway, processes, topology, Optional.empty());
  }

  /**
   * As {@link #create(ActorSystem, Gateway, List, Supplier)}; when {@code notServedHere} has a
   * reason, this node's role serves no requests: it answers only health and topology, and 421 with the reason.
   */
  public static HttpApi create(ActorSystem<?> system, Gateway gateway, List<HostedProcess> processes,
      Supplier<?> topology, Optional<String> notServedHere) {
    Config config = system.settings().config();
    HealthChecks checks = new HealthChecks((ExtendedActorSystem) Adapter.toClassic(system),
        HealthCheckSettings.create(config.getConfig("pekko.management.health-checks")));
    return new HttpApi(HttpSettings.from(config), gateway, processes, checks, topology, notServedHere,
        NodeMetrics.get(system), DatabaseGate.watch(system));
  }

  private Route requests(String cid) {
    return notServedHere
        .map(reason -> complete(Json.error(StatusCodes.MISDIRECTED_REQUEST, reason, cid)))
        .orElseGet(() -> concat(graphQl.route(cid), processes.stream()
            .flatMap(process -> process.routes(calls, cid).stream()).toArray(Route[]::new)));
  }

  public HttpSettings settings() {
    return settings;
  }

  /** Completes once no request is being answered. */
  public CompletableFuture<Void> drained() {
    return inFlight.drained();
  }

  public Route route() {
    return inFlight.counted(() -> optionalHeaderValueByName(CorrelationIds.HEADER, offered -> {
      String cid = CorrelationIds.accept(offered);
      return AccessLog.logged(cid, metrics, () ->
          respondWithHeader(RawHeader.create(CorrelationIds.HEADER, cid), () ->
              handleExceptions(ApiErrors.exceptions(cid), () ->
                  handleRejections(ApiErrors.rejections(cid), () ->
                      withSizeLimit(settings.maxBodyBytes(), () ->
                          concat(health.route(cid), topology.route(), admitted(cid)))))));
    }));
  }

  /**
   * The API's requests, unless more than {@code max-in-flight} are being answered, or the database did not answer
   * its last check: then 503 at once.
   */
  private Route admitted(String cid) {
    if (inFlight.count() > settings.maxInFlight()) {
      return unavailable("This node is at capacity (" + settings.maxInFlight() + " requests in flight); retry in a"
          + " second", cid);
    }
    if (!database.open()) {
      return unavailable("The database does not answer; requests are refused until it does. Retry in a second", cid);
    }
    return requests(cid);
  }

  private static Route unavailable(String message, String cid) {
    return respondWithHeader(RawHeader.create("Retry-After", "1"),
        () -> complete(Json.error(StatusCodes.SERVICE_UNAVAILABLE, message, cid)));
  }
}
