package dev.eventsunbundled.app.customer;

import dev.eventsunbundled.app.ApiCalls;
import dev.eventsunbundled.app.Caller;
import dev.eventsunbundled.app.GraphQlApi;
import dev.eventsunbundled.app.HostedProcess;
import dev.eventsunbundled.communication.CommunicateToCustomerHandler;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.customer.VerifyCustomerHandler;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.shell.Functions;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.server.Route;

/** The sample customer process: invite, verify, communicate, the customer view; GraphQL and REST for it. */
public final class CustomerProcess implements HostedProcess {

  private final Functions functions;
  private final InviteCustomerResolver invite = new InviteCustomerResolver();

  private CustomerProcess(List<Handler<?, ?, ?, ?>> handlers) {
    this.functions = new Functions(handlers, List.of(new CustomerProjector()), List.of(invite));
  }

  /**
   * The whole process ({@code full}), or only the seed's basic one ({@code basic}: invite, project, resolve; the
   * work the benchmark peers do).
   */
  public static CustomerProcess of(String profile) {
    return new CustomerProcess(switch (profile) {
      case "full" -> List.of(
          new InviteCustomerHandler(), new VerifyCustomerHandler(), new CommunicateToCustomerHandler());
      case "basic" -> List.of(new InviteCustomerHandler());
      default -> throw new IllegalArgumentException(
          "events-unbundled.profile is '" + profile + "'; it must be full (the whole process) or basic");
    });
  }

  @Override
  public Functions functions() {
    return functions;
  }

  @Override
  public String graphQlSchema() {
    return GraphQlApi.resource(CustomerProcess.class, "customer.graphqls");
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring, ApiCalls calls) {
    CustomerFetchers.wire(wiring, calls, invite);
  }

  @Override
  public Optional<Route> routes(ApiCalls calls, String cid, Caller caller) {
    return Optional.of(new CustomerRoutes(calls, invite).route(cid, caller));
  }
}
