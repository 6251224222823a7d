package dev.eventsunbundled.shell;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;

/** What runs where, as this node sees it: its roles and functions, the layout, and the cluster's members. */
public record Topology(String node, List<String> roles, List<String> hosts, Map<String, String> functions,
    Map<String, List<String>> layout, List<Member> members) {

  /** One member of the cluster. */
  public record Member(String address, String status, List<String> roles) {}

  static Topology of(ActorSystem<?> system, Deployment deployment) {
    Cluster cluster = Cluster.get(system);
    List<Member> members = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .map(m -> new Member(m.address().toString(), m.status().toString(), m.getRoles().stream().sorted().toList()))
        .toList();
    return new Topology(cluster.selfMember().address().toString(),
        deployment.nodeRoles().stream().filter(r -> !r.startsWith("dc-")).sorted().toList(),
        deployment.hostedHere(), deployment.roleOf(), deployment.layout(), members);
  }
}
