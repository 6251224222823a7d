package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiTarget;

/** Bad input at route level, over the in-memory Gateway double. */
class BadInputOverTestGatewayTest extends BadInputContract {

  @Override
  protected ApiTarget open() {
    return ApiTarget.testGateway();
  }
}
