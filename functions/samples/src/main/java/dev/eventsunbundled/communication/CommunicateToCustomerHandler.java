package dev.eventsunbundled.communication;

import dev.eventsunbundled.customer.Channels;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.HandlerSpec;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.StateHandler;
import java.util.List;
import java.util.Optional;

/** communicate-to-customer: queues one invitation email per invited customer, never two. */
public final class CommunicateToCustomerHandler
    implements StateHandler<CustomerEvent, Outbox, CommunicationEvent> {

  public static final String NAME = "communicate-to-customer";

  private static final HandlerSpec<CustomerEvent, Outbox> SPEC = new HandlerSpec<>(
      Meta.of(NAME, List.of(Channels.CUSTOMER), Channels.COMMUNICATION),
      CustomerEvent.class, CustomerEvent::customerId, Outbox.empty());

  @Override
  public HandlerSpec<CustomerEvent, Outbox> spec() {
    return SPEC;
  }

  @Override
  public Optional<CommunicationEvent> operate(Context ctx, CustomerEvent event, Outbox outbox) {
    if (event instanceof CustomerInvited invited && !outbox.invitationQueued()) {
      return Optional.of(new CommunicationEvent.InvitationEmailQueued(ctx.newId(), invited.customerId(), invited.email()));
    }
    return Optional.empty();
  }

  @Override
  public Outbox write(Outbox outbox, CommunicationEvent event) {
    return event instanceof CommunicationEvent.InvitationEmailQueued ? outbox.withInvitationQueued() : outbox;
  }
}
