package dev.eventsunbundled.shell;

import dev.eventsunbundled.shell.ViewWatcher.Applied;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * After each committed event of the view's serving generation, tells every node's {@link ViewWatcher} that the view
 * has applied it (a generation being built is not yet what readers see).
 */
final class AppliedPublisher extends HealthObserver {

  private final String view;
  private final ActorRef<Topic.Command<Applied>> topic;
  private final BooleanSupplier serving;

  AppliedPublisher(ProjectionHealth health, String view, ActorRef<Topic.Command<Applied>> topic,
      BooleanSupplier serving) {
    super(health);
    this.view = view;
    this.topic = topic;
    this.serving = serving;
  }

  @Override
  public void afterProcess(ProjectionId projectionId, EventEnvelope<Object> envelope) {
    if (serving.getAsBoolean()) {
      topic.tell(Topic.publish(new Applied(view, envelope.persistenceId(), envelope.sequenceNr())));
    }
  }
}
