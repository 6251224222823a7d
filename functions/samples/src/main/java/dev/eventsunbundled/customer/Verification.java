package dev.eventsunbundled.customer;

import dev.eventsunbundled.low.Persisted;
/** The local datastore of verify-customer for one customer. */
public record Verification(boolean verified) implements Persisted {

  public static Verification pending() {
    return new Verification(false);
  }

  public Verification withVerified() {
    return new Verification(true);
  }
}
