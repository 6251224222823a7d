package dev.eventsunbundled.shell;

/** No projected answer arrived in time; the request may still take effect later. */
public final class ResolveTimeout extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String correlationId;

  public ResolveTimeout(String message, String correlationId) {
    super(message, null, false, false);
    this.correlationId = correlationId;
  }

  public String correlationId() {
    return correlationId;
  }
}
