package dev.eventsunbundled.customer;

import dev.eventsunbundled.low.Persisted;
/** The local datastore of one email: which customer, if any, it was invited as. */
public record Invitation(String customerId, String email) implements Persisted {

  public static Invitation none() {
    return new Invitation(null, null);
  }

  public boolean invited() {
    return customerId != null;
  }

  public Invitation withCustomer(String customerId, String email) {
    return new Invitation(customerId, email);
  }
}
