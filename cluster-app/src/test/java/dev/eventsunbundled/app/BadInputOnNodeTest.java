package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiTarget;

/** Bad input over real HTTP against a whole node: answered clearly while the node keeps serving. */
class BadInputOnNodeTest extends BadInputContract {

  @Override
  protected ApiTarget open() {
    return ApiTarget.node();
  }
}
