package dev.eventsunbundled.shell;

/** A handler function threw on a message; the entity answered so instead of failing, and recorded nothing. */
public final class FunctionFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FunctionFailed(String error) {
    super(error);
  }
}
