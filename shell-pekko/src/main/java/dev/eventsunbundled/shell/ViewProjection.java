package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.shell.ViewWatcher.Applied;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Runs a projector as one exactly-once JDBC projection per channel tag and view generation, spread over the role's
 * nodes: each group of events and its offset commit in one transaction. Pushed events of the tags a node runs go
 * to one applier per channel and node, which applies them to the serving generation the moment their entity has
 * committed them (one transaction at a time, so pushes on this node never deadlock each other); the projection then
 * finds them applied. A generation being built reads the journal from its start, pushes do not reach it.
 */
public final class ViewProjection<E, V extends Record> {

  static final String JDBC_DISPATCHER = "pekko.projection.jdbc.blocking-jdbc-dispatcher";

  private final ActorSystem<?> system;
  private final Projector<E, V> projector;
  private final ViewGenerations<V> generations;
  private final Map<String, List<String>> tagsByChannel;
  private final Database database;
  private final ActorRef<Topic.Command<Applied>> topic;
  private final ShellSettings settings;
  private final String role;
  private final Executor blocking;
  private final Map<String, ActorRef<PushInbox>> appliers = new HashMap<>();

  ViewProjection(ActorSystem<?> system, Projector<E, V> projector, ViewGenerations<V> generations,
      Map<String, List<String>> tagsByChannel, Database database, ActorRef<Topic.Command<Applied>> topic,
      ShellSettings settings, String role) {
    this.system = system;
    this.projector = projector;
    this.generations = generations;
    this.tagsByChannel = Map.copyOf(tagsByChannel);
    this.database = database;
    this.topic = topic;
    this.settings = settings;
    this.role = role;
    this.blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig(JDBC_DISPATCHER));
  }

  /**
   * The name one generation's projections keep their offsets under (one per tag): the projector's for the first
   * generation, then {@code <projector>@v<n>}. Also the name of its dead letters' consumer.
   */
  static String projectionName(Projector<?, ?> projector, int generation) {
    return projector.meta().name() + (generation == 1 ? "" : "@v" + generation);
  }

  Projector<E, V> projector() {
    return projector;
  }

  ViewGenerations<V> generations() {
    return generations;
  }

  /** The tags of every channel the projector reads. */
  List<String> tags() {
    return tagsByChannel.values().stream().flatMap(List::stream).toList();
  }

  /** At start: per channel the push applier and gap audit (they follow the serving generation); then each live one. */
  void start() {
    tagsByChannel.forEach((channel, tags) -> {
      if (Cluster.get(system).selfMember().hasRole(role)) {
        GapAudit.get(system).register(() -> generations.servingWriter(channel), tags, database, blocking);
      }
      if (settings.push()) {
        appliers.put(channel, system.systemActorOf(
            ViewPushApplier.create(() -> generations.servingWriter(channel), database, blocking, topic,
                settings.pushMaxWaiting()),
            "push-" + projector.meta().name() + "-from-" + channel, Props.empty()));
      }
    });
    int serving = generations.live().get(0);
    generations.live().forEach(generation -> startGeneration(generation, generation == serving));
  }

  /** Runs one generation's projections; those of the generation serving at start also register for pushes. */
  void startGeneration(int generation, boolean pushed) {
    ViewTable<V> table = generations.table(generation);
    tagsByChannel.forEach((channel, tags) -> {
      String name = projectionName(projector, generation);
      ViewWriter<E, V> writer = new ViewWriter<>(projector, table, name, new DeadLetters(database.isPostgres()),
          new EventCodec(system), settings.giveUpAfter());
      generations.writer(generation, channel, writer);
      DeadLetterOffice.get(system).register(writer.consumer(), new ViewLetters(writer, database, blocking), database,
          blocking);
      ProjectionHealth.get(system).building(name, !generations.isServing(generation));
      ActorRef<PushInbox> applier = pushed ? appliers.get(channel) : null;
      ShardedDaemonProcess.get(system).init(
          ProjectionBehavior.Command.class,
          name + "-from-" + channel,
          tags.size(),
          i -> {
            Behavior<ProjectionBehavior.Command> projection =
                ProjectionBehavior.create(projection(name, writer, generation, tags.get(i)));
            return applier == null ? projection : PushRouter.withSharedConsumer(tags.get(i), applier, projection);
          },
          ShardedDaemonProcessSettings.create(system).withRole(role),
          Optional.of(ProjectionBehavior.stopMessage()));
    });
  }

  private Projection<EventEnvelope<Object>> projection(String name, ViewWriter<E, V> writer, int generation,
      String tag) {
    return JdbcProjection.groupedWithin(
            ProjectionId.of(name, tag),
            EventSourcedProvider.<Object>eventsByTag(system, JdbcReadJournal.Identifier(), tag),
            database::session,
            () -> new ViewProjectionHandler<>(writer, tag, ShellMetrics.get(system),
                () -> generations.isServing(generation), () -> generations.isRetired(generation)),
            system)
        .withGroup(settings.groupAfterEnvelopes(), settings.groupAfterDuration())
        .withStatusObserver(new AppliedPublisher(ProjectionHealth.get(system), generations.view().name(), topic,
            () -> generations.isServing(generation)));
  }
}
