package dev.eventsunbundled.app.customer;

/** The body of {@code POST /customers/invitations}. */
public record InvitationRequest(String email) {}
