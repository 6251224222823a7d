package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.NodeFixture;

/** The API contract over real HTTP against a whole node: shell, journal and projection on in-memory H2. */
class ApiOnNodeTest extends ApiContract {

  private Node node;

  @Override
  protected ApiClient start() {
    node = NodeFixture.start();
    return ApiClient.on(node.port());
  }

  @Override
  protected void stop() {
    if (node != null) {
      node.close();
    }
  }
}
