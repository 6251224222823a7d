package dev.eventsunbundled.customer;

import dev.eventsunbundled.low.Persisted;
/** Requests about customers. */
public sealed interface CustomerCommand extends Persisted {

  /** Invite a customer by email. */
  record InviteCustomer(String email) implements CustomerCommand {}
}
