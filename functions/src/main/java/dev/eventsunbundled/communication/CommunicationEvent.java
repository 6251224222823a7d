package dev.eventsunbundled.communication;

import java.util.UUID;

/** Messages sent to customers, recorded on channel {@code communication} (the outbox). */
public sealed interface CommunicationEvent {

  UUID eventId();

  /** An invitation email was put in the outbox for delivery. */
  record InvitationEmailQueued(UUID eventId, String customerId, String email) implements CommunicationEvent {}
}
