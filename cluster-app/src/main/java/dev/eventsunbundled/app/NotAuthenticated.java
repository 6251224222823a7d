package dev.eventsunbundled.app;

/** A request without a valid credential: answered 401 with this message, never with the reason a token failed. */
final class NotAuthenticated extends Exception {

  NotAuthenticated(String message) {
    super(message, null, false, false);
  }
}
