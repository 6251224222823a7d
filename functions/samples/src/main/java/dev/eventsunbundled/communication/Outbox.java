package dev.eventsunbundled.communication;

import dev.eventsunbundled.low.Persisted;
/** The local datastore of communicate-to-customer for one customer: was the invitation queued. */
public record Outbox(boolean invitationQueued) implements Persisted {

  public static Outbox empty() {
    return new Outbox(false);
  }

  public Outbox withInvitationQueued() {
    return new Outbox(true);
  }
}
