package dev.eventsunbundled.inmemory;

import static dev.eventsunbundled.testkit.SequentialIds.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.communication.CommunicateToCustomerHandler;
import dev.eventsunbundled.communication.CommunicationEvent.InvitationEmailQueued;
import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.customer.VerifyCustomerHandler;
import dev.eventsunbundled.testkit.InMemoryRuntime;
import dev.eventsunbundled.testkit.Response;
import dev.eventsunbundled.testkit.SequentialIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole invite-customer process, request to answer and on through the follow-on chain, in memory. */
class InviteCustomerFlowTest {

  private static final String DEAN = "dean@p14n.com";

  private final InMemoryRuntime runtime = new InMemoryRuntime(new SequentialIds())
      .host(new InviteCustomerHandler())
      .host(new VerifyCustomerHandler())
      .host(new CommunicateToCustomerHandler())
      .project(new CustomerProjector())
      .resolve(new InviteCustomerResolver());

  private Response invite(String email) {
    return runtime.ask(new InviteCustomer(email));
  }

  private static String idOf(Response response) {
    return ((Customer) response.row()).id();
  }

  @Test
  void newInviteAnswersTheInvitedCustomer() {
    Response response = invite(DEAN);

    assertThat(response).isEqualTo(Response.showing(new Customer(uuid(1).toString(), DEAN, true, false)));
  }

  @ParameterizedTest
  @ValueSource(strings = {DEAN, "DEAN@P14N.com", "  dean@p14n.COM  "})
  void duplicateInviteAnswersTheSameCustomer(String sameEmail) {
    String id = idOf(invite(DEAN));

    Response again = invite(sameEmail);

    assertThat(again.refusal()).isNull();
    assertThat(idOf(again)).isEqualTo(id);
    assertThat(runtime.channel("customer")).filteredOn(CustomerInvited.class::isInstance).hasSize(1);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void missingEmailIsRefusedAsRequired(String email) {
    assertThat(invite(email)).isEqualTo(Response.refused("Email is required"));
    assertThat(runtime.channel("customer")).isEmpty();
  }

  @Test
  void invalidEmailIsRefused() {
    assertThat(invite("dean@p14n")).isEqualTo(Response.refused("Email is not a valid address"));
    assertThat(invite("d".repeat(250) + "@p14n.com"))
        .isEqualTo(Response.refused("Email must be at most 254 characters"));
    assertThat(runtime.channel("customer")).isEmpty();
  }

  @Test
  void verifyChainMarksTheCustomerVerified() {
    String id = idOf(invite(DEAN));

    assertThat(runtime.row("customer", id)).contains(new Customer(id, DEAN, true, true));
    assertThat(runtime.channel("customer")).containsExactly(
        new CustomerInvited(uuid(2), id, DEAN, SequentialIds.NOW), new CustomerVerified(uuid(3), id));
  }

  @Test
  void communicateQueuesExactlyOneEmailPerCustomer() {
    String dean = idOf(invite(DEAN));
    String ada = idOf(invite("ada@p14n.com"));
    invite(" Dean@p14n.com");

    runtime.redeliver();

    assertThat(runtime.channel("communication")).containsExactlyInAnyOrder(
        new InvitationEmailQueued(uuid(4), dean, DEAN), new InvitationEmailQueued(uuid(8), ada, "ada@p14n.com"));
  }

  @Test
  void redeliveryRecordsNothingNewAndLeavesTheViewAsItWas() {
    String dean = idOf(invite(DEAN));
    String ada = idOf(invite("ada@p14n.com"));

    runtime.redeliver();

    assertThat(runtime.channel("customer")).hasSize(4);
    assertThat(runtime.rows("customer")).containsExactly(
        new Customer(dean, DEAN, true, true), new Customer(ada, "ada@p14n.com", true, true));
  }
}
