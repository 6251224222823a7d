package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.communication.CommunicateToCustomerHandler;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.customer.VerifyCustomerHandler;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/** A single-node shell for tests: the node's real conf/, on an H2 database of the test's choosing. */
final class TestNode {

  static final InviteCustomerResolver INVITE = new InviteCustomerResolver();

  private TestNode() {}

  /** A fresh, empty database: in-memory H2, or a new schema in PostgreSQL when {@code -Dtest.postgres=<jdbc url>}. */
  static String inMemoryUrl() {
    String postgres = System.getProperty("test.postgres");
    if (postgres != null) {
      return PostgresSchema.create(postgres);
    }
    return "jdbc:h2:mem:shell-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  static String fileUrl(java.nio.file.Path dir) {
    return "jdbc:h2:file:" + dir.resolve("eu").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  static Config config(String dbUrl) {
    return config(dbUrl, "");
  }

  static Config config(String dbUrl, String extra) {
    // A cold test node in a busy suite may take longer than the default 5 s to project its first answer.
    Config overrides = ConfigFactory.parseString("events-unbundled.resolve-timeout = 15s\n" + extra + "\n" +
        "events-unbundled.db.url = \"" + dbUrl + "\"\n"
            + "pekko.remote.artery.canonical.port = 0\n"
            + "pekko.cluster.seed-nodes = []\n"
            + "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on\n"
            + "pekko.actor.testkit.typed.system-shutdown-default = 30s\n"
            + "events-unbundled.deploy.tally = read\n");
    Config base = ConfigFactory.parseResourcesAnySyntax("application");
    if (dbUrl.startsWith("jdbc:postgresql:")) {
      base = ConfigFactory.parseResourcesAnySyntax("postgres").withFallback(base);
    }
    return ConfigFactory.load(overrides.withFallback(base));
  }

  static Functions customerFunctions() {
    return new Functions(
        List.of(new InviteCustomerHandler(), new VerifyCustomerHandler(), new CommunicateToCustomerHandler()),
        List.of(new CustomerProjector()),
        List.of(INVITE));
  }

  /** Starts an actor system on the database, joins it to itself and starts the shell with the customer functions. */
  static Started start(String dbUrl) {
    return start(dbUrl, customerFunctions());
  }

  static Started start(String dbUrl, Functions functions) {
    return start(config(dbUrl), functions);
  }

  static Started start(Config config, Functions functions) {
    ActorTestKit kit = ActorTestKit.create("node", config);
    Cluster cluster = Cluster.get(kit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    return new Started(kit, Unbundled.start(kit.system(), functions));
  }

  /** A running test node. */
  record Started(ActorTestKit kit, Unbundled shell) {}
}
