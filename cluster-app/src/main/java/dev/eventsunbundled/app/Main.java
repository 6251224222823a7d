package dev.eventsunbundled.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.app.customer.CustomerProcess;
import dev.eventsunbundled.bench.LoadGenerator;
import dev.eventsunbundled.shell.Entities;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Runs one node: {@code java -jar cluster-app.jar}; {@code --help} lists the settings. */
public final class Main {

  static final String USAGE = String.join(System.lineSeparator(),
      "events-unbundled node: GraphQL and REST API over the Pekko shell.",
      "",
      "Usage: java [-Dkey=value ...] -jar cluster-app.jar [--help]",
      "       java -jar cluster-app.jar bench --help      the load generator (see BENCHMARKS.md)",
      "       java -jar cluster-app.jar deadletters list|replay|discard   events a view projection gave up on",
      "       java -jar cluster-app.jar views list|rebuild VIEW   view generations; rebuild a view from the journal",
      "       java -jar cluster-app.jar entity-id KEY   the entity id of a function's key (e.g. an email) under",
      "                                                 this configuration's ENTITY_KEY_SECRET",
      "",
      "Environment:",
      "  HTTP_PORT          API port (default 8080); HTTP_HOST the address to bind (default 127.0.0.1)",
      "  API_KEYS=name:secret,...       API keys (Authorization: Bearer <secret>); JWT_SECRET or JWT_JWKS",
      "                     (file or URL), JWT_ISSUER, JWT_AUDIENCE for bearer JWTs. Beyond loopback one is required",
      "  MUTATIONS_PER_SECOND           per authenticated caller (default 50, burst 100; 0 = no limit)",
      "  ENTITY_KEY_SECRET  the key of entity ids (an HMAC of each function's key): set your own per deployment",
      "  CLUSTER_TLS_DIR, CLUSTER_TLS_PASSWORD   the cluster nodes' key stores (bin/cluster-tls makes them)",
      "  MANAGEMENT_PORT    health checks and cluster management port (default 8558); MANAGEMENT_HOST",
      "  DATA_DIR           directory of the embedded H2 database: absolute, or starting with ./ (default ./data)",
      "  DB_URL, DB_USER, DB_PASSWORD   another JDBC database instead of the embedded H2; DB_SSLMODE on PostgreSQL",
      "  REMOTE_HOST, REMOTE_PORT       this node's cluster address (default 127.0.0.1:25520)",
      "  LOG_FORMAT=json    one JSON object per log line (default text)",
      "  TRACE_LOG=DEBUG    one log line per step of each request, with its correlation id (default OFF)",
      "  METRICS_ENABLED=false          record no metrics (default true)",
      "",
      "System properties:",
      "  -Dconfig.resource=single-postgres.conf run with another configuration from conf/: a mode, or a",
      "                                         cluster node such as cluster/node1.conf",
      "  -Devents-unbundled.layout-name=split   the cluster layout (or LAYOUT): which roles each node has; all or split",
      "  -Dconfig.file=/path/my.conf            run with a configuration file outside the jar",
      "  -Dsome.config.key=value                override any single setting, e.g. -Devents-unbundled.http.port=9090",
      "  -Devents-unbundled.profile=basic       host only the seed's basic process (invite, project, resolve),",
      "                                         not the follow-on chain (verify, communicate); default full",
      "",
      "Endpoints: POST /graphql (and POST /), POST /customers/invitations, GET /customers/{id},",
      "  GET /customers?email=..., GET /health/ready, GET /health/alive;",
      "  management: GET /ready, GET /alive, GET /topology, GET /metrics (Prometheus), GET /console (live console),",
      "  GET /deadletters, POST /deadletters/replay|discard?consumer=&entity=, GET /views,",
      "  POST /views/VIEW/rebuild, POST /views/audit on MANAGEMENT_PORT.",
      "");

  private Main() {}

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    if (!arguments.isEmpty() && arguments.get(0).equals("bench")) {
      System.exit(LoadGenerator.run(arguments.subList(1, arguments.size()).toArray(String[]::new), System.out));
    }
    if (!arguments.isEmpty() && arguments.get(0).equals("deadletters")) {
      System.exit(DeadLettersCommand.run(arguments.subList(1, arguments.size()), System.out, System.err));
    }
    if (!arguments.isEmpty() && arguments.get(0).equals("views")) {
      System.exit(ViewsCommand.run(arguments.subList(1, arguments.size()), System.out, System.err));
    }
    if (arguments.size() == 2 && arguments.get(0).equals("entity-id")) {
      System.out.println(Entities.id(ConfigFactory.load().getString("events-unbundled.entity-keys.secret"),
          arguments.get(1)));
      return;
    }
    if (arguments.contains("--help") || arguments.contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    if (!arguments.isEmpty()) {
      System.err.println("Unknown arguments " + arguments);
      System.err.print(USAGE);
      System.exit(2);
    }
    Node node;
    try {
      Config config = ConfigFactory.load();
      node = Node.start(config, processes(config));
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Main.class).error("The node could not start", e);
      System.exit(1);
      return;
    }
    node.whenTerminated().toCompletableFuture().join();
  }

  /** The one place that lists the processes this deployable hosts (the sample customer process, by profile). */
  public static List<HostedProcess> processes(Config config) {
    return List.of(CustomerProcess.of(config.getString("events-unbundled.profile")));
  }
}
