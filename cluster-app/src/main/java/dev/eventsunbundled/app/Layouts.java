package dev.eventsunbundled.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Picks the layout named by {@code events-unbundled.layout-name} from {@code events-unbundled.layouts}, and this
 * node's roles from it by {@code events-unbundled.node-name}. A configuration without a layout name is unchanged.
 */
final class Layouts {

  private static final String NAME = "events-unbundled.layout-name";
  private static final String LAYOUTS = "events-unbundled.layouts";
  private static final String NODE = "events-unbundled.node-name";

  private Layouts() {}

  /** The configuration with {@code events-unbundled.layout} and {@code pekko.cluster.roles} set from the layout. */
  static Config apply(Config config) {
    if (!config.hasPath(NAME)) {
      return config;
    }
    String name = config.getString(NAME);
    if (!config.hasPath(LAYOUTS + "." + name)) {
      throw new IllegalArgumentException(NAME + " is '" + name + "'; the layouts are "
          + (config.hasPath(LAYOUTS) ? new TreeSet<>(config.getConfig(LAYOUTS).root().keySet()) : "none"));
    }
    Config layout = config.getConfig(LAYOUTS + "." + name);
    if (!config.hasPath(NODE)) {
      throw new IllegalArgumentException(NAME + " is '" + name + "' but " + NODE + " is not set: a node of a layout"
          + " needs its name, one of " + new TreeSet<>(layout.root().keySet()));
    }
    String node = config.getString(NODE);
    if (!layout.hasPath(node)) {
      throw new IllegalArgumentException("Layout '" + name + "' has no node '" + node + "'; its nodes are "
          + new TreeSet<>(layout.root().keySet()));
    }
    List<String> roles = layout.getStringList(node);
    return ConfigFactory.parseMap(Map.of("pekko.cluster.roles", roles))
        .withFallback(layout.atPath("events-unbundled.layout"))
        .withFallback(config.withoutPath("events-unbundled.layout"));
  }
}
