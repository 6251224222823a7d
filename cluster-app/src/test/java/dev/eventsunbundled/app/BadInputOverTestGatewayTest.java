package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiServer;

/** Bad input at route level, over the in-memory Gateway double. */
class BadInputOverTestGatewayTest extends BadInputContract {

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
