package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which role hosts each function (config {@code events-unbundled.deploy}), and whether this node has it. */
public record Deployment(Config roles, Set<String> nodeRoles) {

  /** Fails at start-up, naming every function that no role hosts. */
  public static Deployment check(Config roles, Set<String> nodeRoles, List<String> functionNames) {
    List<String> missing = new ArrayList<>();
    for (String name : functionNames) {
      if (!roles.hasPath(quoted(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("No role hosts " + String.join(", ", missing)
          + ": add `events-unbundled.deploy." + missing.get(0) + " = <role>` to the node's config");
    }
    return new Deployment(roles, Set.copyOf(nodeRoles));
  }

  public String roleOf(String function) {
    return roles.getString(quoted(function));
  }

  public boolean hosts(String function) {
    return nodeRoles.contains(roleOf(function));
  }

  private static String quoted(String name) {
    return '"' + name + '"';
  }
}
