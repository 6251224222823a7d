package dev.eventsunbundled.shell;

import dev.eventsunbundled.shell.ViewWatcher.Applied;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.projection.HandlerRecoveryStrategy;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/** After each committed event, tells every node's {@link ViewWatcher} that the view has applied it. */
final class AppliedPublisher extends StatusObserver<EventEnvelope<Object>> {

  private final String view;
  private final ActorRef<Topic.Command<Applied>> topic;

  AppliedPublisher(String view, ActorRef<Topic.Command<Applied>> topic) {
    this.view = view;
    this.topic = topic;
  }

  @Override
  public void afterProcess(ProjectionId projectionId, EventEnvelope<Object> envelope) {
    topic.tell(Topic.publish(new Applied(view, envelope.persistenceId(), envelope.sequenceNr())));
  }

  @Override
  public void started(ProjectionId projectionId) {}

  @Override
  public void failed(ProjectionId projectionId, Throwable cause) {}

  @Override
  public void stopped(ProjectionId projectionId) {}

  @Override
  public void beforeProcess(ProjectionId projectionId, EventEnvelope<Object> envelope) {}

  @Override
  public void offsetProgress(ProjectionId projectionId, EventEnvelope<Object> envelope) {}

  @Override
  public void error(ProjectionId projectionId, EventEnvelope<Object> envelope, Throwable cause,
      HandlerRecoveryStrategy recoveryStrategy) {}
}
