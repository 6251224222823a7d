package dev.eventsunbundled.communication;

import static dev.eventsunbundled.testkit.SequentialIds.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.communication.CommunicationEvent.InvitationEmailQueued;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Executor.Outcome;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.testkit.SequentialIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** communicate-to-customer: one invitation email per invited customer, never two. */
class CommunicateToCustomerHandlerTest {

  private static final CustomerInvited INVITED = new CustomerInvited(uuid(100), "c-1", "dean@p14n.com");

  private final CommunicateToCustomerHandler handler = new CommunicateToCustomerHandler();
  private final Executor<CustomerEvent, Outbox, Outbox, CommunicationEvent> executor = new Executor<>(handler);
  private final SequentialIds ids = new SequentialIds();

  private Outcome<Outbox, CommunicationEvent> consume(CustomerEvent event, Outbox given) {
    return executor.execute(ids, event, given);
  }

  @Test
  void invitedCustomerGetsAnInvitationEmail() {
    Outcome<Outbox, CommunicationEvent> outcome = consume(INVITED, handler.emptyState());

    assertThat(outcome.event()).contains(new InvitationEmailQueued(uuid(1), "c-1", "dean@p14n.com"));
    assertThat(outcome.state()).isEqualTo(new Outbox(true));
    assertThat(outcome.notices()).isEmpty();
  }

  @Test
  void redeliveredInvitationQueuesNoSecondEmail() {
    Outbox queued = consume(INVITED, handler.emptyState()).state();

    Outcome<Outbox, CommunicationEvent> outcome = consume(INVITED, queued);

    assertThat(outcome.event()).isEmpty();
    assertThat(outcome.state()).isSameAs(queued);
  }

  @Test
  void verificationQueuesNothing() {
    Outcome<Outbox, CommunicationEvent> outcome = consume(new CustomerVerified(uuid(7), "c-1"), handler.emptyState());

    assertThat(outcome.event()).isEmpty();
    assertThat(outcome.notices()).isEmpty();
  }

  @Test
  void replayingTheQueuedEmailRebuildsTheOutbox() {
    Outbox rebuilt = handler.write(handler.emptyState(), new InvitationEmailQueued(uuid(1), "c-1", "dean@p14n.com"));

    assertThat(rebuilt).isEqualTo(new Outbox(true));
    assertThat(consume(INVITED, rebuilt).event()).isEmpty();
  }

  @Test
  void readsChannelCustomerAndRecordsOnChannelCommunicationOneEntityPerCustomer() {
    assertThat(handler.meta()).isEqualTo(Meta.of("communicate-to-customer", List.of("customer"), "communication"));
    assertThat(handler.entityKey(INVITED)).isEqualTo("c-1");
  }
}
