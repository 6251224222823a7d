package dev.eventsunbundled.app.support;

import dev.eventsunbundled.app.Node;

/** Where a contract test sends its requests: a whole node, or the routes over the in-memory Gateway double. */
public interface ApiTarget extends AutoCloseable {

  ApiClient client();

  @Override
  void close();

  /** A whole node: shell, journal and projection on in-memory H2. */
  static ApiTarget node() {
    Node node = NodeFixture.start();
    ApiClient client = ApiClient.on(node.port());
    return new ApiTarget() {
      @Override
      public ApiClient client() {
        return client;
      }

      @Override
      public void close() {
        node.close();
      }
    };
  }

  /** Only the HTTP routes, over {@link InMemoryGateway}: the fast route-level tier. */
  static ApiTarget testGateway() {
    ApiServer server = ApiServer.start();
    return new ApiTarget() {
      @Override
      public ApiClient client() {
        return server.client();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
