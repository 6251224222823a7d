package dev.eventsunbundled.bench;

/** Why a request did not count as a success. */
enum ErrorKind {
  /** The node answered with a status other than 200. */
  HTTP_STATUS("http"),
  /** The answer carried GraphQL {@code errors}. */
  GRAPHQL("graphql"),
  /** Status 200 without errors, but no {@code "invited":true} either. */
  UNEXPECTED("unexpected"),
  /** No answer within {@code --timeout}. */
  TIMEOUT("timeout"),
  /** The connection could not be opened or broke. */
  CONNECTION("connection");

  private final String label;

  ErrorKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
