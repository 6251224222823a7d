package dev.eventsunbundled.low;

/** How a resolver answers a request: with a row of its view, once the view shows it, or with an error. */
public sealed interface Answer {

  /** Answer with this row of the view as soon as the view has applied the handler's latest event. */
  record ShowRow(String key) implements Answer {}

  /** Answer at once with an error a person understands. */
  record Refuse(String message) implements Answer {}

  static Answer showRow(String key) {
    return new ShowRow(key);
  }

  static Answer refuse(String message) {
    return new Refuse(message);
  }
}
