package dev.eventsunbundled.communication;

import dev.eventsunbundled.low.Persisted;
import java.util.UUID;

/** Messages sent to customers, recorded on channel {@code communication} (the outbox). */
public sealed interface CommunicationEvent extends Persisted {

  UUID eventId();

  /** An invitation email was put in the outbox for delivery. */
  record InvitationEmailQueued(UUID eventId, String customerId, String email) implements CommunicationEvent {}
}
