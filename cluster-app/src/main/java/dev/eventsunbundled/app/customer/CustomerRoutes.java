package dev.eventsunbundled.app.customer;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.entity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameter;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEndOrSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.eventsunbundled.app.ApiCalls;
import dev.eventsunbundled.app.Caller;
import dev.eventsunbundled.app.EventEntry;
import dev.eventsunbundled.app.Json;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.Email;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** The customer process's REST routes: invite, read by id, find by email. */
final class CustomerRoutes {

  private final ApiCalls calls;
  private final InviteCustomerResolver invite;

  CustomerRoutes(ApiCalls calls, InviteCustomerResolver invite) {
    this.calls = calls;
    this.invite = invite;
  }

  Route route(String cid, Caller caller) {
    return pathPrefix("customers", () -> concat(
        path("invitations", () -> post(() -> entity(Json.body(InvitationRequest.class),
            body -> invite(body, cid, caller)))),
        path(PathMatchers.segment().slash("history"), id -> get(() -> history(id, cid))),
        path(PathMatchers.segment(), id -> get(() -> parameterOptional("asOf", asOf -> asOf
            .map(at -> byIdAsOf(id, at, cid)).orElseGet(() -> byId(id, cid))))),
        pathEndOrSingleSlash(() -> get(() -> parameter("email", email -> byEmail(email, cid))))));
  }

  private Route invite(InvitationRequest body, String cid, Caller caller) {
    InviteCustomer command = new InviteCustomer(body == null ? null : body.email());
    return calls.respond(cid, () -> calls.gateway().resolve(invite, command, cid, caller.name()), Json::ok);
  }

  private Route byId(String id, String cid) {
    return calls.respond(cid, () -> calls.gateway().row(CustomerProjector.VIEW, id),
        row -> ApiCalls.found(row, "No customer with id " + id, cid));
  }

  private Route byIdAsOf(String id, String asOf, String cid) {
    return calls.respond(cid,
        () -> calls.gateway().rowAsOf(CustomerProjector.VIEW, id, EventEntry.asOf(asOf, cid)),
        row -> ApiCalls.found(row, "No customer with id " + id + " as of " + asOf, cid));
  }

  private Route history(String id, String cid) {
    return calls.respond(cid, () -> calls.gateway().history(CustomerProjector.VIEW, id),
        entries -> entries.isEmpty() ? Json.error(StatusCodes.NOT_FOUND, "No customer with id " + id, cid)
            : Json.ok(entries.stream().map(EventEntry::of).toList()));
  }

  private Route byEmail(String email, String cid) {
    String normalized = Email.normalize(email);
    if (normalized.isEmpty()) {
      return complete(Json.error(StatusCodes.BAD_REQUEST, "Query parameter 'email' must not be empty", cid));
    }
    return calls.respond(cid, () -> calls.gateway().rows(CustomerProjector.VIEW, "email", normalized),
        rows -> ApiCalls.found(rows.stream().findFirst(), "No customer with email " + normalized, cid));
  }
}
