package dev.eventsunbundled.customer;

import static dev.eventsunbundled.testing.SequentialIds.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Executor.Outcome;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.testing.SequentialIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** verify-customer: every invited customer is verified, exactly once. */
class VerifyCustomerHandlerTest {

  private static final CustomerInvited INVITED = new CustomerInvited(uuid(100), "c-1", "dean@p14n.com");

  private final VerifyCustomerHandler handler = new VerifyCustomerHandler();
  private final Executor<CustomerEvent, Verification, Verification, CustomerEvent> executor = new Executor<>(handler);
  private final SequentialIds ids = new SequentialIds();

  private Outcome<Verification, CustomerEvent> consume(CustomerEvent event, Verification given) {
    return executor.execute(ids, event, given);
  }

  @Test
  void invitedCustomerIsVerified() {
    Outcome<Verification, CustomerEvent> outcome = consume(INVITED, handler.emptyState());

    assertThat(outcome.event()).contains(new CustomerVerified(uuid(1), "c-1"));
    assertThat(outcome.state()).isEqualTo(new Verification(true));
    assertThat(outcome.notices()).isEmpty();
  }

  @Test
  void redeliveredInvitationOfAVerifiedCustomerVerifiesNothing() {
    Verification verified = consume(INVITED, handler.emptyState()).state();

    Outcome<Verification, CustomerEvent> outcome = consume(INVITED, verified);

    assertThat(outcome.event()).isEmpty();
    assertThat(outcome.notices()).isEmpty();
    assertThat(outcome.state()).isSameAs(verified);
  }

  @Test
  void verificationIsNotItselfVerified() {
    Outcome<Verification, CustomerEvent> outcome = consume(new CustomerVerified(uuid(7), "c-1"), handler.emptyState());

    assertThat(outcome.event()).isEmpty();
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
