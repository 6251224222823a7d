package dev.eventsunbundled.customer;

import static dev.eventsunbundled.testkit.SequentialIds.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.low.Executor.Outcome;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.testkit.HandlerScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** verify-customer: every invited customer is verified, exactly once (given/when/then with the LOW testkit). */
class VerifyCustomerHandlerTest {

  private static final CustomerInvited INVITED = new CustomerInvited(uuid(100), "c-1", "dean@p14n.com");

  private final VerifyCustomerHandler handler = new VerifyCustomerHandler();

  @Test
  void invitedCustomerIsVerified() {
    HandlerScenario.of(handler)
        .when(INVITED)
        .recorded(new CustomerVerified(uuid(1), "c-1"))
        .state(new Verification(true));
  }

  @Test
  void redeliveredInvitationOfAVerifiedCustomerVerifiesNothing() {
    Outcome<Verification, CustomerEvent> outcome = HandlerScenario.of(handler)
        .given(new CustomerVerified(uuid(1), "c-1"))
        .when(INVITED)
        .recordedNothing()
        .state(new Verification(true))
        .outcome();

    assertThat(outcome.notices()).isEmpty();
  }

  @Test
  void verificationIsNotItselfVerified() {
    Outcome<Verification, CustomerEvent> outcome =
        HandlerScenario.of(handler).when(new CustomerVerified(uuid(7), "c-1")).recordedNothing().outcome();

    assertThat(outcome.notices()).isEmpty();
  }

  @Test
  void replayingTheVerificationRebuildsTheState() {
    assertThat(handler.write(handler.emptyState(), new CustomerVerified(uuid(1), "c-1")))
        .isEqualTo(new Verification(true));
    assertThat(handler.write(handler.emptyState(), INVITED)).isEqualTo(Verification.pending());
  }

  @Test
  void readsAndRecordsOnChannelCustomerOneEntityPerCustomer() {
    assertThat(handler.meta()).isEqualTo(Meta.of("verify-customer", List.of("customer"), "customer"));
    assertThat(handler.entityKey(INVITED)).isEqualTo("c-1");
    assertThat(handler.entityKey(new CustomerVerified(uuid(2), "c-1"))).isEqualTo("c-1");
  }
}
