package dev.eventsunbundled.customer;

import dev.eventsunbundled.low.Persisted;
import java.time.Instant;
import java.util.UUID;

/** What happened to a customer, recorded on channel {@code customer}. */
public sealed interface CustomerEvent extends Persisted {

  UUID eventId();

  String customerId();

  /**
   * A new customer was invited, at {@code invitedAt}. Version 2: version 1 had no time; those events are read with
   * {@code invitedAt} null (unknown).
   */
  record CustomerInvited(UUID eventId, String customerId, String email, Instant invitedAt) implements CustomerEvent {

    /** An invitation whose time is not known (as every version 1 event). */
    public CustomerInvited(UUID eventId, String customerId, String email) {
      this(eventId, customerId, email, null);
    }
  }

  /** An invited customer was verified. */
  record CustomerVerified(UUID eventId, String customerId) implements CustomerEvent {}
}
