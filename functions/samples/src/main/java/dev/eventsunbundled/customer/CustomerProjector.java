package dev.eventsunbundled.customer;

import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.View;
import java.util.List;

/** project-customer: folds customer events into the {@code customer} view, in any order they arrive. */
public final class CustomerProjector implements Projector<CustomerEvent, Customer> {

  public static final String NAME = "project-customer";
  public static final View<Customer> VIEW = new View<>("customer", Customer.class, "id", List.of("email"));

  @Override
  public Meta meta() {
    return Meta.of(NAME, List.of(Channels.CUSTOMER), VIEW.name());
  }

  @Override
  public Class<CustomerEvent> input() {
    return CustomerEvent.class;
  }

  @Override
  public View<Customer> view() {
    return VIEW;
  }

  @Override
  public String rowKey(CustomerEvent event) {
    return event.customerId();
  }

  @Override
  public Customer emptyRow(String key) {
    return Customer.unknown(key);
  }

  @Override
  public Customer project(Customer row, CustomerEvent event) {
    if (event instanceof CustomerInvited invited) {
      return row.withInvitation(invited.email());
    }
    if (event instanceof CustomerVerified) {
      return row.withVerified();
    }
    return row;
  }
}
