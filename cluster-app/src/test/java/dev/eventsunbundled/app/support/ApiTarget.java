package dev.eventsunbundled.app.support;

import dev.eventsunbundled.app.Node;
import dev.eventsunbundled.app.cluster.ClusterDatabase;
import dev.eventsunbundled.app.cluster.TestCluster;

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

  /** A whole node on PostgreSQL (127.0.0.1:5432, database test), in a fresh schema dropped on close. */
  static ApiTarget postgresNode() {
    ClusterDatabase database = ClusterDatabase.create();
    Node node = NodeFixture.start(TestConfigs.postgresNode(database.url()));
    ApiClient client = ApiClient.on(node.port());
    return new ApiTarget() {
      @Override
      public ApiClient client() {
        return client;
      }

      @Override
      public void close() {
        node.close();
        database.close();
      }
    };
  }

  /** The three-node cluster of layout "all" on PostgreSQL (node JVMs from the jar), settled; requests go to node 2. */
  static ApiTarget cluster() {
    ClusterDatabase database = ClusterDatabase.create();
    TestCluster cluster = TestCluster.start("ApiOnClusterIT", "all", database);
    cluster.awaitFormed();
    cluster.awaitProjectionsOn(TestCluster.START, 1, 2, 3);
    return new ApiTarget() {
      @Override
      public ApiClient client() {
        return cluster.api(2);
      }

      @Override
      public void close() {
        cluster.close();
        database.close();
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
