package dev.eventsunbundled.shell;

/** A request the function refused; the message is the function's, meant for a person. */
public final class Refused extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String correlationId;

  public Refused(String message, String correlationId) {
    super(message, null, false, false);
    this.correlationId = correlationId;
  }

  public String correlationId() {
    return correlationId;
  }
}
