package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Handler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Feeds a handler from a channel: an at-least-once projection per tag into the handler's entities, with the
 * tag's push consumer beside it delivering events the moment they are committed.
 */
public final class ChannelProjection {

  private ChannelProjection() {}

  public static void init(ActorSystem<?> system, Handler<?, ?, ?, ?> handler, String channel, List<String> tags,
      Database database, ShellSettings settings, String role) {
    String name = handler.meta().name() + "-from-" + channel;
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig(ViewProjection.JDBC_DISPATCHER));
    ChannelLetters letters = new ChannelLetters(name, handler, Entities.get(system), settings.deliveryTimeout(),
        database, blocking, new EventCodec(system), settings.giveUpAfter());
    DeadLetterOffice.get(system).register(name, letters, database, blocking);
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        name,
        tags.size(),
        i -> {
          DeliveredUpTo delivered = new DeliveredUpTo();
          Behavior<ProjectionBehavior.Command> projection =
              ProjectionBehavior.create(
                  projection(system, name, handler, tags.get(i), database, settings, delivered, letters));
          return settings.push()
              ? PushRouter.withConsumer(tags.get(i),
                  ChannelPushDelivery.create(handler, settings.deliveryTimeout(), delivered,
                  settings.pushMaxWaiting()), projection)
              : projection;
        },
        ShardedDaemonProcessSettings.create(system).withRole(role),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  static Projection<EventEnvelope<Object>> projection(ActorSystem<?> system, String name,
      Handler<?, ?, ?, ?> handler, String tag, Database database, ShellSettings settings, DeliveredUpTo delivered,
      ChannelLetters letters) {
    Entities entities = Entities.get(system);
    return JdbcProjection.atLeastOnceAsync(
        ProjectionId.of(name, tag),
        EventSourcedProvider.<Object>eventsByTag(system, JdbcReadJournal.Identifier(), tag),
        database::session,
        () -> new ChannelDelivery(handler, entities, settings.deliveryTimeout(), delivered, letters),
        system)
        .withStatusObserver(new HealthObserver(ProjectionHealth.get(system)));
  }
}
