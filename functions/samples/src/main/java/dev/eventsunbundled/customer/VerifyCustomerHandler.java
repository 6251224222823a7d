package dev.eventsunbundled.customer;

import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.HandlerSpec;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.StateHandler;
import java.util.List;
import java.util.Optional;

/** verify-customer: every invited customer is verified, once. */
public final class VerifyCustomerHandler
    implements StateHandler<CustomerEvent, Verification, CustomerEvent> {

  public static final String NAME = "verify-customer";

  private static final HandlerSpec<CustomerEvent, Verification> SPEC = new HandlerSpec<>(
      Meta.of(NAME, List.of(Channels.CUSTOMER), Channels.CUSTOMER),
      CustomerEvent.class, CustomerEvent::customerId, Verification.pending());

  @Override
  public HandlerSpec<CustomerEvent, Verification> spec() {
    return SPEC;
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
