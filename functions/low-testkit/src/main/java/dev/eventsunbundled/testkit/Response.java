package dev.eventsunbundled.testkit;

/** What a request is answered with: a row of a view, or a refusal a person reads. */
public record Response(Record row, String refusal) {

  public static Response showing(Record row) {
    return new Response(row, null);
  }

  public static Response refused(String message) {
    return new Response(null, message);
  }
}
