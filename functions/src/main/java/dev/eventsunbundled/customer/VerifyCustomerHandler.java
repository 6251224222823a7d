package dev.eventsunbundled.customer;

import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Meta;
import java.util.List;
import java.util.Optional;

/** verify-customer: every invited customer is verified, once. */
public final class VerifyCustomerHandler
    implements Handler<CustomerEvent, Verification, Verification, CustomerEvent> {

  public static final String NAME = "verify-customer";

  @Override
  public Meta meta() {
    return Meta.of(NAME, List.of(Channels.CUSTOMER), Channels.CUSTOMER);
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
  public Verification emptyState() {
    return Verification.pending();
  }

  @Override
  public Verification lookup(Context ctx, CustomerEvent event, Verification state) {
    return state;
  }

  @Override
  public Optional<CustomerEvent> operate(Context ctx, CustomerEvent event, Verification verification) {
    if (event instanceof CustomerInvited invited && !verification.verified()) {
      return Optional.of(new CustomerVerified(ctx.newId(), invited.customerId()));
    }
    return Optional.empty();
  }

  @Override
  public Verification write(Verification verification, CustomerEvent event) {
    return event instanceof CustomerVerified ? verification.withVerified() : verification;
  }
}
