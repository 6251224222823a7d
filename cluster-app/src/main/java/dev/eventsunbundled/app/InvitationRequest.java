package dev.eventsunbundled.app;

/** The body of {@code POST /customers/invitations}. */
public record InvitationRequest(String email) {}
