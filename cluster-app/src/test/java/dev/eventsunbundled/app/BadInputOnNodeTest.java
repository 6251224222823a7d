package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.NodeFixture;

/** Bad input over real HTTP against a whole node: answered clearly while the node keeps serving. */
class BadInputOnNodeTest extends BadInputContract {

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
