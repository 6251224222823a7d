package dev.eventsunbundled.customer;

import dev.eventsunbundled.low.Persisted;
import java.util.UUID;

/** What happened to a customer, recorded on channel {@code customer}. */
public sealed interface CustomerEvent extends Persisted {

  UUID eventId();

  String customerId();

  /** A new customer was invited. */
  record CustomerInvited(UUID eventId, String customerId, String email) implements CustomerEvent {}

  /** An invited customer was verified. */
  record CustomerVerified(UUID eventId, String customerId) implements CustomerEvent {}
}
