package dev.eventsunbundled.app.support;

import com.typesafe.config.Config;
import dev.eventsunbundled.app.Futures;
import dev.eventsunbundled.app.Main;
import dev.eventsunbundled.app.Node;
import java.time.Duration;

/** Starts whole nodes in-process for system tests. */
public final class NodeFixture {

  private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);

  private NodeFixture() {}

  /** A node on a fresh in-memory database, an Up cluster member. */
  public static Node start() {
    return start(TestConfigs.node(TestConfigs.memoryDb()));
  }

  public static Node start(Config config) {
    Node node = Node.start(config, Main.processes(config));
    Futures.await(node.up(), UP_TIMEOUT);
    return node;
  }
}
