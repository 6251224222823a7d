package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiTarget;

/** The API contract over real HTTP against a whole node: shell, journal and projection on in-memory H2. */
class ApiOnNodeTest extends ApiContract {

  @Override
  protected ApiTarget open() {
    return ApiTarget.node();
  }
}
