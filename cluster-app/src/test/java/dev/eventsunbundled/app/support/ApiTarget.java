package dev.eventsunbundled.app.support;

import dev.eventsunbundled.app.Node;
import dev.eventsunbundled.app.cluster.ClusterDatabase;
import dev.eventsunbundled.app.cluster.TestCluster;

/** Where a contract test sends its requests: the routes over the testkit host, a whole node, or the cluster. */
public interface ApiTarget extends AutoCloseable {

  ApiClient client();

  @Override
  void close();

  /** A target answering on this client, closed by {@code close}. */
  static ApiTarget of(ApiClient client, Runnable close) {
    return new ApiTarget() {
      @Override
      public ApiClient client() {
        return client;
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }

  /** A whole node: shell, journal and projection on in-memory H2. */
  static ApiTarget node() {
    Node node = NodeFixture.start();
    return of(ApiClient.on(node.port()), node::close);
  }

  /** A whole node on PostgreSQL (127.0.0.1:5432, database test), in a fresh schema dropped on close. */
  static ApiTarget postgresNode() {
    ClusterDatabase database = ClusterDatabase.create();
    Node node = NodeFixture.start(TestConfigs.postgresNode(database.url()));
    return of(ApiClient.on(node.port()), () -> {
      node.close();
      database.close();
    });
  }

  /** The three-node cluster of layout "all" on PostgreSQL (node JVMs from the jar), settled; requests go to node 2. */
  static ApiTarget cluster() {
    ClusterDatabase database = ClusterDatabase.create();
    TestCluster cluster = TestCluster.start("ApiOnClusterIT", "all", database);
    cluster.awaitFormed();
    cluster.awaitProjectionsOn(TestCluster.START, 1, 2, 3);
    return of(cluster.api(2), () -> {
      cluster.close();
      database.close();
    });
  }

  /** Only the HTTP routes, over {@link InMemoryGateway} on the testkit host: the fast route-level tier. */
  static ApiTarget testGateway() {
    ApiServer server = ApiServer.start();
    return of(server.client(), server::close);
  }
}
