package dev.eventsunbundled.customer;

import dev.eventsunbundled.low.Notice;

/** What the customer handlers tell a requester without recording anything. */
public sealed interface CustomerNotice extends Notice {

  /** The request cannot be carried out as given. */
  record InvalidRequest(String message) implements CustomerNotice {}

  /** The email was invited before; {@code customerId} is the existing customer. */
  record CustomerInviteFailed(String customerId, String reason) implements CustomerNotice {
    @Override
    public String message() {
      return reason;
    }
  }
}
