package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.shell.ViewWatcher.Applied;
import java.util.List;
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
 * Runs a projector as one exactly-once JDBC projection per channel tag, spread over the role's nodes: each
 * group of events and its offset commit in one transaction. Pushed events of the tags a node runs go to one
 * applier per node, which applies them the moment their entity has committed them (one transaction at a time,
 * so pushes on this node never deadlock each other); the projection then finds them applied.
 */
public final class ViewProjection {

  static final String JDBC_DISPATCHER = "pekko.projection.jdbc.blocking-jdbc-dispatcher";

  private ViewProjection() {}

  public static <E, V extends Record> void init(
      ActorSystem<?> system, Projector<E, V> projector, ViewTable<V> table, String channel, List<String> tags,
      Database database, ActorRef<Topic.Command<Applied>> topic, ShellSettings settings, String role) {
    ViewWriter<E, V> writer = new ViewWriter<>(projector, table, new DeadLetters(database.isPostgres()),
        new EventCodec(system), settings.giveUpAfter());
    String name = projector.meta().name() + "-from-" + channel;
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig(JDBC_DISPATCHER));
    DeadLetterOffice.get(system).register(writer.consumer(), new ViewLetters(writer, database, blocking), database,
        blocking);
    if (Cluster.get(system).selfMember().hasRole(role)) {
      GapAudit.get(system).register(writer, tags, database, blocking);
    }
    ActorRef<PushInbox> applier = settings.push()
        ? system.systemActorOf(ViewPushApplier.create(writer, database, blocking, topic, settings.pushMaxWaiting()),
            "push-" + name, Props.empty())
        : null;
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        name,
        tags.size(),
        i -> {
          Behavior<ProjectionBehavior.Command> projection = ProjectionBehavior.create(
              projection(system, projector.meta().name(), writer, tags.get(i), database, topic, settings));
          return applier == null ? projection : PushRouter.withSharedConsumer(tags.get(i), applier, projection);
        },
        ShardedDaemonProcessSettings.create(system).withRole(role),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  static <E, V extends Record> Projection<EventEnvelope<Object>> projection(
      ActorSystem<?> system, String name, ViewWriter<E, V> writer, String tag,
      Database database, ActorRef<Topic.Command<Applied>> topic, ShellSettings settings) {
    return JdbcProjection.groupedWithin(
            ProjectionId.of(name, tag),
            EventSourcedProvider.<Object>eventsByTag(system, JdbcReadJournal.Identifier(), tag),
            database::session,
            () -> new ViewProjectionHandler<>(writer, tag, ShellMetrics.get(system)),
            system)
        .withGroup(settings.groupAfterEnvelopes(), settings.groupAfterDuration())
        .withStatusObserver(
            new AppliedPublisher(ProjectionHealth.get(system), writer.table().view().name(), topic));
  }
}
