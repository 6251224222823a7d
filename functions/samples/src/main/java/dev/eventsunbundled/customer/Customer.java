package dev.eventsunbundled.customer;

import java.util.Objects;

/** A row of the {@code customer} view: what the outside world sees of a customer. */
public record Customer(String id, String email, boolean invited, boolean verified) {

  public static Customer unknown(String id) {
    return new Customer(id, null, false, false);
  }

  public Customer withInvitation(String email) {
    return invited && Objects.equals(this.email, email) ? this : new Customer(id, email, true, verified);
  }

  public Customer withVerified() {
    return verified ? this : new Customer(id, email, invited, true);
  }
}
