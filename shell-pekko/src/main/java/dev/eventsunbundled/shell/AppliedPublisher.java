package dev.eventsunbundled.shell;

import dev.eventsunbundled.shell.ViewWatcher.Applied;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/** After each committed event, tells every node's {@link ViewWatcher} that the view has applied it. */
final class AppliedPublisher extends HealthObserver {

  private final String view;
  private final ActorRef<Topic.Command<Applied>> topic;

  AppliedPublisher(ProjectionHealth health, String view, ActorRef<Topic.Command<Applied>> topic) {
    super(health);
    this.view = view;
    this.topic = topic;
  }

  @Override
  public void afterProcess(ProjectionId projectionId, EventEnvelope<Object> envelope) {
    topic.tell(Topic.publish(new Applied(view, envelope.persistenceId(), envelope.sequenceNr())));
  }
}
