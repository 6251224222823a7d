package dev.eventsunbundled.app;

import java.util.Set;

/** Who sent a request: the name kept with its events (audit) and its rate limit, and the scopes it was granted. */
public record Caller(String name, Set<String> scopes, boolean authenticated) {

  /** Anyone, on a node that binds to loopback with no authentication configured: every scope, no rate limit. */
  static Caller anonymous(Set<String> scopes) {
    return new Caller("anonymous", scopes, false);
  }

  boolean may(String scope) {
    return scopes.contains(scope);
  }
}
