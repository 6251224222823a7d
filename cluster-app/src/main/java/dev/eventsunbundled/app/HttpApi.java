package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractMethod;
import static org.apache.pekko.http.javadsl.server.Directives.handleExceptions;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.reject;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeader;
import static org.apache.pekko.http.javadsl.server.Directives.withSizeLimit;

import com.typesafe.config.Config;
import dev.eventsunbundled.shell.Gateway;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.HttpMethods;
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
  private final ApiAuth auth;
  private final MutationRate rate;
  private final Optional<String> notServedHere;
  private final NodeMetrics metrics;
  private final InFlightRequests inFlight = new InFlightRequests();
  private final DatabaseGate database;

  private HttpApi(HttpSettings settings, Gateway gateway, List<HostedProcess> processes, HealthChecks checks,
      ApiAuth auth, Optional<String> notServedHere, NodeMetrics metrics, DatabaseGate database) {
    this.settings = settings;
    this.auth = auth;
    this.rate = new MutationRate(settings.mutationsPerSecond(), settings.mutationBurst());
    this.database = database;
    this.metrics = metrics;
    this.calls = new ApiCalls(gateway, settings.requestTimeout());
    this.processes = List.copyOf(processes);
    this.graphQl = new GraphQlRoutes(new GraphQlApi(settings, calls, processes, new CallerAccess(auth, rate)));
    this.health = new HealthRoutes(checks);
    this.notServedHere = notServedHere;
  }

  /**
   * The API of this actor system, with settings, credentials and health checks from its configuration. Fails when
   * it is to listen beyond loopback with no credential configured, or a credential is unusable.
   */
  public static HttpApi create(ActorSystem<?> system, Gateway gateway, List<HostedProcess> processes) {
    return create(system, gateway, processes, Optional.empty());
  }

  /**
   * As {@link #create(ActorSystem, Gateway, List)}; when {@code notServedHere} has a reason, this node's role
   * serves no requests: it answers only health, and 421 with the reason.
   */
  public static HttpApi create(ActorSystem<?> system, Gateway gateway, List<HostedProcess> processes,
      Optional<String> notServedHere) {
    Config config = system.settings().config();
    HttpSettings settings = HttpSettings.from(config);
    ApiAuth auth = ApiAuth.from(config.getConfig(HttpSettings.PATH));
    Exposure.checkApi(settings, auth);
    HealthChecks checks = new HealthChecks((ExtendedActorSystem) Adapter.toClassic(system),
        HealthCheckSettings.create(config.getConfig("pekko.management.health-checks")));
    return new HttpApi(settings, gateway, processes, checks, auth, notServedHere, NodeMetrics.get(system),
        DatabaseGate.watch(system));
  }

  private Route requests(String cid, Caller caller) {
    return notServedHere
        .map(reason -> complete(Json.error(StatusCodes.MISDIRECTED_REQUEST, reason, cid)))
        .orElseGet(() -> concat(graphQl.route(cid, caller), scoped(cid, caller, () -> rest(cid, caller))));
  }

  /** The processes' REST routes, tried in order. */
  private Route rest(String cid, Caller caller) {
    List<Route> routes = processes.stream().flatMap(process -> process.routes(calls, cid, caller).stream()).toList();
    return routes.isEmpty() ? reject()
        : concat(routes.get(0), routes.subList(1, routes.size()).toArray(Route[]::new));
  }

  /** REST: reading needs the read scope; anything else the invite scope and a token of the caller's rate. */
  private Route scoped(String cid, Caller caller, Supplier<Route> routes) {
    return extractMethod(method -> {
      boolean reads = method.equals(HttpMethods.GET) || method.equals(HttpMethods.HEAD);
      String scope = reads ? auth.readScope() : auth.inviteScope();
      if (!caller.may(scope)) {
        return complete(Json.error(StatusCodes.FORBIDDEN, "Caller " + caller.name() + " lacks the scope " + scope
            + " this request needs", cid));
      }
      if (!reads && !rate.take(caller, 1)) {
        return respondWithHeader(RawHeader.create("Retry-After", Long.toString(rate.retryAfterSeconds())),
            () -> complete(Json.error(StatusCodes.TOO_MANY_REQUESTS, "Too many mutations from " + caller.name()
                + "; retry in " + rate.retryAfterSeconds() + " s", cid)));
      }
      return routes.get();
    });
  }

  /** The caller the request's credential names, or 401 with {@code WWW-Authenticate: Bearer}. */
  private Route authenticated(String cid, Function<Caller, Route> inner) {
    return optionalHeaderValueByName("Authorization", header -> {
      try {
        return inner.apply(auth.authenticate(header));
      } catch (NotAuthenticated e) {
        return respondWithHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"events-unbundled\""),
            () -> complete(Json.error(StatusCodes.UNAUTHORIZED, e.getMessage(), cid)));
      }
    });
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
                          concat(health.route(cid), admitted(cid)))))));
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
    return authenticated(cid, caller -> requests(cid, caller));
  }

  private static Route unavailable(String message, String cid) {
    return respondWithHeader(RawHeader.create("Retry-After", "1"),
        () -> complete(Json.error(StatusCodes.SERVICE_UNAVAILABLE, message, cid)));
  }
}
