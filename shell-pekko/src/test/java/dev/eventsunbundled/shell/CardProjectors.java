package dev.eventsunbundled.shell;

import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.View;
import java.util.List;

/** Two releases of one test view, {@code card}: the second's record gains a component (the email's domain). */
final class CardProjectors {

  static final String NAME = "card";

  /** The first release's row. */
  record Card(String customerId, String email) {}

  /** The second release's row: one component more. */
  record CardWithDomain(String customerId, String email, String domain) {}

  static final View<Card> FIRST = new View<>("card", Card.class, "customerId", List.of());
  static final View<CardWithDomain> SECOND = new View<>("card", CardWithDomain.class, "customerId", List.of());

  private CardProjectors() {}

  static Projector<CustomerEvent, Card> first() {
    return new Base<>(FIRST) {
      @Override
      public Card emptyRow(String key) {
        return new Card(key, null);
      }

      @Override
      public Card project(Card row, CustomerEvent event) {
        return event instanceof CustomerEvent.CustomerInvited invited ? new Card(row.customerId(), invited.email())
            : row;
      }
    };
  }

  static Projector<CustomerEvent, CardWithDomain> second() {
    return new Base<>(SECOND) {
      @Override
      public CardWithDomain emptyRow(String key) {
        return new CardWithDomain(key, null, null);
      }

      @Override
      public CardWithDomain project(CardWithDomain row, CustomerEvent event) {
        return event instanceof CustomerEvent.CustomerInvited invited
            ? new CardWithDomain(row.customerId(), invited.email(),
                invited.email().substring(invited.email().indexOf('@') + 1))
            : row;
      }
    };
  }

  /** What both releases share: the name, the input channel, the key. */
  private abstract static class Base<V extends Record> implements Projector<CustomerEvent, V> {

    private final View<V> view;

    Base(View<V> view) {
      this.view = view;
    }

    @Override
    public Meta meta() {
      return Meta.of(NAME, List.of("customer"), view.name());
    }

    @Override
    public Class<CustomerEvent> input() {
      return CustomerEvent.class;
    }

    @Override
    public View<V> view() {
      return view;
    }

    @Override
    public String rowKey(CustomerEvent event) {
      return event.customerId();
    }
  }
}
