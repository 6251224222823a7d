package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which role hosts each function ({@code events-unbundled.deploy}), which roles the cluster's nodes have
 * ({@code events-unbundled.layout}, or this node's own roles when there is no layout), and what this node runs.
 */
public record Deployment(Map<String, String> roleOf, Map<String, List<String>> layout, Set<String> nodeRoles) {

  /** Fails at start-up, naming every function that no role, or no node of the layout, hosts. */
  public static Deployment check(Config root, Set<String> nodeRoles, List<String> functionNames) {
    Config deploy = root.getConfig("events-unbundled.deploy");
    Map<String, List<String>> layout = new TreeMap<>();
    if (root.hasPath("events-unbundled.layout")) {
      Config nodes = root.getConfig("events-unbundled.layout");
      nodes.root().keySet().forEach(node -> layout.put(node, nodes.getStringList(quoted(node))));
    } else {
      layout.put("this node", nodeRoles.stream().filter(r -> !r.startsWith("dc-")).sorted().toList());
    }
    Set<String> hostedRoles = new TreeSet<>();
    layout.values().forEach(hostedRoles::addAll);
    Map<String, String> roleOf = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (String name : functionNames) {
      if (!deploy.hasPath(quoted(name))) {
        problems.add(name + " has no role: add `events-unbundled.deploy." + name + " = <role>`");
        continue;
      }
      String role = deploy.getString(quoted(name));
      roleOf.put(name, role);
      if (!hostedRoles.contains(role)) {
        problems.add(name + " is deployed to role " + role + ", which no node has (roles: " + hostedRoles + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("No node would host: " + String.join("; ", problems));
    }
    return new Deployment(Map.copyOf(roleOf), Map.copyOf(layout), Set.copyOf(nodeRoles));
  }

  public String roleOf(String function) {
    return roleOf.get(function);
  }

  /** The functions this node runs. */
  public List<String> hostedHere() {
    return roleOf.entrySet().stream().filter(e -> nodeRoles.contains(e.getValue())).map(Map.Entry::getKey).toList();
  }

  private static String quoted(String name) {
    return '"' + name + '"';
  }
}
