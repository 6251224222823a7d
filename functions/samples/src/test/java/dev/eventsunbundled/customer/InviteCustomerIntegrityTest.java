package dev.eventsunbundled.customer;

import static dev.eventsunbundled.testkit.SequentialIds.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Executor.Outcome;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.IntegrityViolation;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Refusal;
import dev.eventsunbundled.testkit.SequentialIds;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** invite-customer's write guards the one-customer-per-email rule, and the Executor turns a breach into a refusal. */
class InviteCustomerIntegrityTest {

  private static final String DEAN = "dean@p14n.com";

  private final InviteCustomerHandler handler = new InviteCustomerHandler();
  private final Invitation invitedAsC1 = handler.write(handler.emptyState(), new CustomerInvited(uuid(1), "c-1", DEAN));

  @Test
  void invitingAnInvitedEmailAsAnotherCustomerIsAnIntegrityViolation() {
    CustomerInvited asAnotherCustomer = new CustomerInvited(uuid(2), "c-2", DEAN);

    assertThatThrownBy(() -> handler.write(invitedAsC1, asAnotherCustomer))
        .isInstanceOf(IntegrityViolation.class)
        .hasMessage("dean@p14n.com is already invited as customer c-1");
  }

  @Test
  void replayingTheSameInvitationRebuildsTheSameState() {
    Invitation replayed = handler.write(invitedAsC1, new CustomerInvited(uuid(1), "c-1", DEAN));

    assertThat(replayed).isEqualTo(new Invitation("c-1", DEAN));
  }

  @Test
  void eventsOtherThanAnInvitationLeaveTheStateAsItIs() {
    assertThat(handler.write(invitedAsC1, new CustomerVerified(uuid(2), "c-1"))).isSameAs(invitedAsC1);
  }

  @Test
  void executorTurnsAnIntegrityViolationIntoARefusalAndRecordsNothing() {
    Executor<InviteCustomer, Invitation, Invitation, CustomerEvent> executor = new Executor<>(new StaleLookup(handler));

    Outcome<Invitation, CustomerEvent> outcome =
        executor.execute(new SequentialIds(), new InviteCustomer(DEAN), invitedAsC1);

    assertThat(outcome.event()).isEmpty();
    assertThat(outcome.state()).isSameAs(invitedAsC1);
    assertThat(outcome.notices())
        .containsExactly(new Refusal("dean@p14n.com is already invited as customer c-1"));
  }

  /** invite-customer whose lookup reads a lagging replica that has not seen the invitation yet. */
  private record StaleLookup(InviteCustomerHandler real)
      implements Handler<InviteCustomer, Invitation, Invitation, CustomerEvent> {

    @Override
    public Meta meta() {
      return real.meta();
    }

    @Override
    public Class<InviteCustomer> input() {
      return real.input();
    }

    @Override
    public String entityKey(InviteCustomer command) {
      return real.entityKey(command);
    }

    @Override
    public Invitation emptyState() {
      return real.emptyState();
    }

    @Override
    public Invitation lookup(Context ctx, InviteCustomer command, Invitation state) {
      return real.emptyState();
    }

    @Override
    public Optional<CustomerEvent> operate(Context ctx, InviteCustomer command, Invitation data) {
      return real.operate(ctx, command, data);
    }

    @Override
    public Invitation write(Invitation state, CustomerEvent event) {
      return real.write(state, event);
    }
  }
}
