package dev.eventsunbundled.communication;

/** The local datastore of communicate-to-customer for one customer: was the invitation queued. */
public record Outbox(boolean invitationQueued) {

  public static Outbox empty() {
    return new Outbox(false);
  }

  public Outbox withInvitationQueued() {
    return new Outbox(true);
  }
}
