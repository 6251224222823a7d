package dev.eventsunbundled.communication;

import dev.eventsunbundled.customer.Channels;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Meta;
import java.util.List;
import java.util.Optional;

/** communicate-to-customer: queues one invitation email per invited customer, never two. */
public final class CommunicateToCustomerHandler
    implements Handler<CustomerEvent, Outbox, Outbox, CommunicationEvent> {

  public static final String NAME = "communicate-to-customer";

  @Override
  public Meta meta() {
    return Meta.of(NAME, List.of(Channels.CUSTOMER), Channels.COMMUNICATION);
  }

  @Override
  public Class<CustomerEvent> input() {
    return CustomerEvent.class;
  }

  @Override
  public String entityKey(CustomerEvent event) {
    return event.customerId();
  }

  @Override
  public Outbox emptyState() {
    return Outbox.empty();
  }

  @Override
  public Outbox lookup(Context ctx, CustomerEvent event, Outbox outbox) {
    return outbox;
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
