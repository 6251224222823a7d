package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiServer;

/** The API contract at route level, over the in-memory Gateway double. */
class ApiOverTestGatewayTest extends ApiContract {

  private ApiServer server;

  @Override
  protected ApiClient start() {
    server = ApiServer.start();
    return server.client();
  }

  @Override
  protected void stop() {
    server.close();
  }
}
