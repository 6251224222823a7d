package dev.eventsunbundled.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventsunbundled.app.support.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/** Three nodes of a layout from conf/cluster, on free ports, seeded by each other, sharing one database schema. */
public final class TestCluster implements AutoCloseable {

  public static final Duration START = Duration.ofSeconds(180);
  /** The sharding type of the project-customer projections, one entity per tag ({@code tags-per-channel = 4}). */
  static final String PROJECTIONS = "sharded-daemon-process-project-customer-from-customer";
  static final int TAGS = 4;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The nodes authenticate each other over TLS with certificates of this CA (as bin/cluster's nodes do). */
  static final ClusterTls TLS = ClusterTls.of("cluster");

  private final String test;
  private final String layout;
  private final ClusterDatabase database;
  private final List<NodeProcess.Ports> ports;
  private final List<NodeProcess> nodes = new ArrayList<>();
  private final List<ApiClient> clients;
  private long startedAt;

  private TestCluster(String test, String layout, ClusterDatabase database) {
    this.test = test;
    this.layout = layout;
    this.database = database;
    this.ports = IntStream.range(0, 3).mapToObj(i -> NodeProcess.Ports.free()).toList();
    for (int n = 1; n <= 3; n++) {
      nodes.add(new NodeProcess(test, n, ports.get(n - 1), properties(n)));
    }
    this.clients = ports.stream().map(p -> ApiClient.on(p.http())).toList();
  }

  /** Starts node1..3 of {@code layout} (all, split) at once. */
  public static TestCluster start(String test, String layout, ClusterDatabase database) {
    TestCluster cluster = new TestCluster(test, layout, database);
    cluster.startedAt = System.nanoTime();
    cluster.nodes.forEach(NodeProcess::start);
    return cluster;
  }

  /** Waits until every node is ready and sees three Up members; answers the time since start. */
  public Duration awaitFormed() {
    nodes.forEach(node -> node.awaitReady(START));
    for (int n = 1; n <= 3; n++) {
      awaitUpMembers(n, 3, START);
    }
    return Duration.ofNanos(System.nanoTime() - startedAt);
  }

  void awaitUpMembers(int observer, int count, Duration timeout) {
    Poll.until(count + " Up members seen by node" + observer, timeout, () -> upMembers(observer) == count);
  }

  NodeProcess node(int n) {
    return nodes.get(n - 1);
  }

  public ApiClient api(int n) {
    return clients.get(n - 1);
  }

  /** A client of node n's management port. */
  public ApiClient management(int n) {
    return ApiClient.on(ports.get(n - 1).management());
  }

  /**
   * Waits until the project-customer projections have settled on {@code hosts}: every tag runs, each host runs one.
   * A node that joins takes projections over by rebalancing; a moved one restarts only on its next keep-alive ping.
   */
  public Duration awaitProjectionsOn(Duration timeout, int... hosts) {
    long started = System.nanoTime();
    Poll.until("project-customer spread over nodes " + Arrays.toString(hosts), timeout, () -> {
      int total = 0;
      for (int n : hosts) {
        int here = entitiesOn(n, PROJECTIONS);
        if (here == 0) {
          return false;
        }
        total += here;
      }
      return total == TAGS;
    });
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** How many entities of this sharding type run on node n (0 if none, or if it does not answer). */
  int entitiesOn(int n, String typeName) {
    return node(n).managementGet("/cluster/shards/" + typeName).map(body -> {
      int entities = 0;
      for (JsonNode shard : json(body).path("regions")) {
        entities += shard.path("numEntities").asInt();
      }
      return entities;
    }).orElse(0);
  }

  /** {@code GET /topology} of node n (management port). */
  JsonNode topology(int n) {
    return json(node(n).managementGet("/topology")
        .orElseThrow(() -> new IllegalStateException("no topology from node" + n)));
  }

  long upMembers(int observer) {
    Optional<String> body = node(observer).managementGet("/topology");
    if (body.isEmpty()) {
      return -1;
    }
    return StreamSupport.stream(json(body.get()).path("members").spliterator(), false)
        .filter(m -> m.path("status").asText().equals("Up")).count();
  }

  /**
   * A JVM outside the three: node n's configuration, database and TLS material, plus the extra properties (later
   * ones win), seeding only itself.
   */
  NodeProcess loneNode(String name, int n, String... extra) {
    NodeProcess.Ports own = NodeProcess.Ports.free();
    List<String> properties = new ArrayList<>(List.of(
        "-Dconfig.resource=cluster/node" + n + ".conf", "-Devents-unbundled.layout-name=" + layout,
        "-Devents-unbundled.db.url=" + database.url(),
        "-Dpekko.cluster.seed-nodes.0=" + address(own)));
    properties.addAll(TLS.properties());
    properties.addAll(List.of(extra));
    return new NodeProcess(test + "-" + name, n, own, properties);
  }

  /** Stops the cluster's nodes, then drops its database, whichever of the two was started. */
  static void stop(TestCluster cluster, ClusterDatabase database) {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  @Override
  public void close() {
    nodes.stream().filter(NodeProcess::isAlive).forEach(NodeProcess::terminate);
    for (NodeProcess node : nodes) {
      node.close();
    }
  }

  /** The cluster address of node n. */
  String address(int n) {
    return address(ports.get(n - 1));
  }

  private static String address(NodeProcess.Ports ports) {
    return "pekko://events-unbundled@127.0.0.1:" + ports.remote();
  }

  private static JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> properties(int n) {
    List<String> properties = new ArrayList<>(List.of(
        "-Dconfig.resource=cluster/node" + n + ".conf", "-Devents-unbundled.layout-name=" + layout,
        "-Devents-unbundled.db.url=" + database.url()));
    properties.addAll(TLS.properties());
    for (int i = 0; i < ports.size(); i++) {
      properties.add("-Dpekko.cluster.seed-nodes." + i + "=" + address(ports.get(i)));
    }
    return properties;
  }
}
