package dev.eventsunbundled.app.support;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Configurations for tests: the node's own conf/ files with random ports and a private database. */
public final class TestConfigs {

  private TestConfigs() {}

  /** A whole node on random ports, its journal and views in the given database. */
  public static Config node(String dbUrl) {
    return load(nodeOverrides(dbUrl));
  }

  /** A whole node on random ports on PostgreSQL (conf/postgres.conf), in the database at this URL. */
  public static Config postgresNode(String dbUrl) {
    return ConfigFactory.load(ConfigFactory.parseMap(nodeOverrides(dbUrl))
        .withFallback(ConfigFactory.parseResources("postgres.conf"))
        .withFallback(ConfigFactory.defaultApplication()));
  }

  private static Map<String, Object> nodeOverrides(String dbUrl) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("events-unbundled.db.url", dbUrl);
    overrides.put("events-unbundled.http.port", 0);
    overrides.put("pekko.management.http.port", 0);
    overrides.put("pekko.remote.artery.canonical.hostname", "127.0.0.1");
    overrides.put("pekko.remote.artery.canonical.port", 0);
    overrides.put("pekko.cluster.seed-nodes", List.of());
    overrides.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
    overrides.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    return overrides;
  }

  /** Only the HTTP API on a random port, no cluster: the route-level tier. */
  public static Config routes(Map<String, Object> extra) {
    Map<String, Object> overrides = new HashMap<>(extra);
    overrides.put("events-unbundled.http.port", 0);
    overrides.put("pekko.actor.provider", "local");
    overrides.put("pekko.management.health-checks.readiness-checks.cluster-membership", "");
    overrides.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    return load(overrides);
  }

  public static String memoryDb() {
    return "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  public static String fileDb(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("eu");
  }

  /** Overrides on top of application.conf, resolved together so derived settings follow them. */
  private static Config load(Map<String, Object> overrides) {
    return ConfigFactory.load(ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.defaultApplication()));
  }
}
