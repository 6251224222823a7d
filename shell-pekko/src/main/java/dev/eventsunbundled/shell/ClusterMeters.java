package dev.eventsunbundled.shell;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The cluster as this node sees it: members by status and unreachable members, and per entity type the shards and
 * entities this node hosts (asked of its shard regions every few seconds).
 */
public final class ClusterMeters {

  private static final Duration EVERY = Duration.ofSeconds(5);
  private static final List<String> STATUSES = List.of("joining", "weaklyup", "up", "leaving", "exiting", "down");

  /** What one entity type has on this node. */
  public record Hosted(int shards, int entities) {}

  private final Map<String, Hosted> hosted = new ConcurrentHashMap<>();

  private ClusterMeters() {}

  static ClusterMeters bind(ActorSystem<?> system, MeterRegistry registry, List<String> entityTypes) {
    ClusterMeters meters = new ClusterMeters();
    Cluster cluster = Cluster.get(system);
    for (String status : STATUSES) {
      Gauge.builder("events.unbundled.cluster.members", cluster, c -> count(c, status))
          .description("Cluster members by status, as this node sees them").tag("status", status).register(registry);
    }
    Gauge.builder("events.unbundled.cluster.members.unreachable", cluster,
            c -> c.state().getUnreachable().size())
        .description("Members this node cannot reach").register(registry);
    for (String type : entityTypes) {
      meters.hosted.put(type, new Hosted(0, 0));
      Gauge.builder("events.unbundled.sharding.shards", meters, m -> m.hosted.get(type).shards())
          .description("Shards of an entity type on this node").tag("entity_type", type).register(registry);
      Gauge.builder("events.unbundled.sharding.entities", meters, m -> m.hosted.get(type).entities())
          .description("Entities of an entity type running on this node").tag("entity_type", type)
          .register(registry);
    }
    system.scheduler().scheduleWithFixedDelay(Duration.ofSeconds(1), EVERY, () -> meters.ask(system),
        system.executionContext());
    return meters;
  }

  /** Shards and entities per entity type on this node, as last asked. */
  public Map<String, Hosted> hosted() {
    return Map.copyOf(hosted);
  }

  private static double count(Cluster cluster, String status) {
    return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .map(Member::status).filter(s -> name(s).equals(status)).count();
  }

  private static String name(MemberStatus status) {
    return status.toString().toLowerCase();
  }

  private void ask(ActorSystem<?> system) {
    ClusterSharding sharding = ClusterSharding.get(system);
    for (String type : hosted.keySet()) {
      AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(sharding.shardState(),
              replyTo -> new GetShardRegionState(EntityTypeKey.create(HandlerEntity.Command.class, type), replyTo),
              EVERY, system.scheduler())
          .thenAccept(state -> hosted.put(type, new Hosted(state.getShards().size(),
              state.getShards().stream().mapToInt(shard -> shard.getEntityIds().size()).sum())));
    }
  }
}
