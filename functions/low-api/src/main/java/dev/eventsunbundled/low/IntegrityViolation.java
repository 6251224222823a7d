package dev.eventsunbundled.low;

/** Raised by {@code write} when an event would break the local datastore's integrity. */
public final class IntegrityViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IntegrityViolation(String message) {
    super(message);
  }
}
