package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiTarget;

/** The API contract at route level, over the in-memory Gateway double. */
class ApiOverTestGatewayTest extends ApiContract {

  @Override
  protected ApiTarget open() {
    return ApiTarget.testGateway();
  }
}
