package dev.eventsunbundled.shell;

import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.View;
import java.util.List;

/** A test projector that counts how many events it applied per customer: a second application shows. */
final class TallyProjector implements Projector<CustomerEvent, TallyProjector.Tally> {

  static final String NAME = "tally";
  static final View<Tally> VIEW = new View<>("tally", Tally.class, "customerId", List.of());

  /** How many events the view applied for one customer. */
  record Tally(String customerId, long applied) {}

  @Override
  public Meta meta() {
    return Meta.of(NAME, List.of("customer"), VIEW.name());
  }

  @Override
  public Class<CustomerEvent> input() {
    return CustomerEvent.class;
  }

  @Override
  public View<Tally> view() {
    return VIEW;
  }

  @Override
  public String rowKey(CustomerEvent event) {
    return event.customerId();
  }

  @Override
  public Tally emptyRow(String key) {
    return new Tally(key, 0);
  }

  @Override
  public Tally project(Tally row, CustomerEvent event) {
    return new Tally(row.customerId(), row.applied() + 1);
  }
}
