package dev.eventsunbundled.shell;

import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.Verification;
import dev.eventsunbundled.customer.VerifyCustomerHandler;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.HandlerSpec;
import dev.eventsunbundled.low.StateHandler;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** verify-customer, except that it throws on the invitation of an email with "poison" while {@link #POISONED}. */
final class PoisonedVerifyHandler implements StateHandler<CustomerEvent, Verification, CustomerEvent> {

  static final AtomicBoolean POISONED = new AtomicBoolean(true);

  private final VerifyCustomerHandler handler = new VerifyCustomerHandler();

  @Override
  public HandlerSpec<CustomerEvent, Verification> spec() {
    return handler.spec();
  }

  @Override
  public Optional<CustomerEvent> operate(Context ctx, CustomerEvent event, Verification verification) {
    if (POISONED.get() && event instanceof CustomerInvited invited && invited.email().contains("poison")) {
      throw new IllegalStateException("poisoned invitation of " + invited.email());
    }
    return handler.operate(ctx, event, verification);
  }

  @Override
  public Verification write(Verification verification, CustomerEvent event) {
    return handler.write(verification, event);
  }
}
