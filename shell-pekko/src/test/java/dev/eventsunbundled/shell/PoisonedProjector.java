package dev.eventsunbundled.shell;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.View;
import java.util.concurrent.atomic.AtomicBoolean;

/** The customer projector, except that it throws on the events of one customer while {@link #poisoned} is set. */
final class PoisonedProjector implements Projector<CustomerEvent, Customer> {

  static final String POISON = "c-poison";

  final AtomicBoolean poisoned = new AtomicBoolean(true);
  private final CustomerProjector projector = new CustomerProjector();

  @Override
  public Meta meta() {
    return projector.meta();
  }

  @Override
  public Class<CustomerEvent> input() {
    return projector.input();
  }

  @Override
  public View<Customer> view() {
    return projector.view();
  }

  @Override
  public String rowKey(CustomerEvent event) {
    return projector.rowKey(event);
  }

  @Override
  public Customer emptyRow(String key) {
    return projector.emptyRow(key);
  }

  @Override
  public Customer project(Customer row, CustomerEvent event) {
    if (poisoned.get() && event.customerId().equals(POISON)) {
      throw new IllegalStateException("poisoned customer " + POISON);
    }
    return projector.project(row, event);
  }
}
