package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameter;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEndOrSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.Email;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.shell.Gateway;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** REST for customers: invite, read by id, find by email. */
final class CustomerRoutes {

  private final Gateway gateway;
  private final InviteCustomerResolver invite;
  private final Duration timeout;

  CustomerRoutes(HttpSettings settings, Gateway gateway, InviteCustomerResolver invite) {
    this.gateway = gateway;
    this.invite = invite;
    this.timeout = settings.requestTimeout();
  }

  Route route(String cid) {
    return pathPrefix("customers", () -> concat(
        path("invitations", () -> post(() -> entity(Json.body(InvitationRequest.class), body -> invite(body, cid)))),
        path(PathMatchers.segment(), id -> get(() -> byId(id, cid))),
        pathEndOrSingleSlash(() -> get(() -> parameter("email", email -> byEmail(email, cid))))));
  }

  private Route invite(InvitationRequest body, String cid) {
    InviteCustomer command = new InviteCustomer(body == null ? null : body.email());
    return answer(cid, () -> gateway.resolve(invite, command, cid), Json::ok);
  }

  private Route byId(String id, String cid) {
    return answer(cid, () -> gateway.row(CustomerProjector.VIEW, id), row -> found(row, "No customer with id " + id, cid));
  }

  private Route byEmail(String email, String cid) {
    String normalized = Email.normalize(email);
    if (normalized.isEmpty()) {
      return complete(Json.error(StatusCodes.BAD_REQUEST, "Query parameter 'email' must not be empty", cid));
    }
    return answer(cid, () -> gateway.rows(CustomerProjector.VIEW, "email", normalized),
        rows -> found(rows.stream().findFirst(), "No customer with email " + normalized, cid));
  }

  private static HttpResponse found(Optional<Customer> customer, String absent, String cid) {
    return customer.map(Json::ok).orElseGet(() -> Json.error(StatusCodes.NOT_FOUND, absent, cid));
  }

  private <T> Route answer(String cid, Supplier<CompletionStage<T>> ask, Function<T, HttpResponse> respond) {
    return completeWithFuture(Futures.within(Futures.call(ask), timeout)
        .thenApply(respond)
        .exceptionally(failure -> ApiErrors.failure(failure, cid)));
  }
}
