package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.handleExceptions;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeader;
import static org.apache.pekko.http.javadsl.server.Directives.withSizeLimit;

import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.shell.Gateway;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.HealthChecks;

/** The node's whole HTTP API: GraphQL, REST and health, behind correlation ids, access log and JSON errors. */
public final class HttpApi {

  private final HttpSettings settings;
  private final GraphQlRoutes graphQl;
  private final CustomerRoutes customers;
  private final HealthRoutes health;

  public HttpApi(HttpSettings settings, Gateway gateway, InviteCustomerResolver invite, HealthChecks checks) {
    this.settings = settings;
    this.graphQl = new GraphQlRoutes(new GraphQlApi(settings, gateway, invite));
    this.customers = new CustomerRoutes(settings, gateway, invite);
    this.health = new HealthRoutes(checks);
  }

  public Route route() {
    return optionalHeaderValueByName(CorrelationIds.HEADER, offered -> {
      String cid = CorrelationIds.accept(offered);
      return AccessLog.logged(cid, () ->
          respondWithHeader(RawHeader.create(CorrelationIds.HEADER, cid), () ->
              handleExceptions(ApiErrors.exceptions(cid), () ->
                  handleRejections(ApiErrors.rejections(cid), () ->
                      withSizeLimit(settings.maxBodyBytes(), () ->
                          concat(graphQl.route(cid), customers.route(cid), health.route(cid)))))));
    });
  }
}
