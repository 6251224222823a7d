package dev.eventsunbundled.customer;

/** The local datastore of verify-customer for one customer. */
public record Verification(boolean verified) {

  public static Verification pending() {
    return new Verification(false);
  }

  public Verification withVerified() {
    return new Verification(true);
  }
}
