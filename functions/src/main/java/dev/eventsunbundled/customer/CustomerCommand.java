package dev.eventsunbundled.customer;

/** Requests about customers. */
public sealed interface CustomerCommand {

  /** Invite a customer by email. */
  record InviteCustomer(String email) implements CustomerCommand {}
}
