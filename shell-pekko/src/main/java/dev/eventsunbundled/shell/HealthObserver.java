package dev.eventsunbundled.shell;

import org.apache.pekko.projection.HandlerRecoveryStrategy;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/** Tells {@link ProjectionHealth} when a projection starts, stops, fails and makes progress. */
class HealthObserver extends StatusObserver<EventEnvelope<Object>> {

  private final ProjectionHealth health;

  HealthObserver(ProjectionHealth health) {
    this.health = health;
  }

  @Override
  public void started(ProjectionId projectionId) {
    health.started(projectionId);
  }

  @Override
  public void failed(ProjectionId projectionId, Throwable cause) {
    health.failed(projectionId, cause);
  }

  @Override
  public void stopped(ProjectionId projectionId) {
    health.stopped(projectionId);
  }

  @Override
  public void beforeProcess(ProjectionId projectionId, EventEnvelope<Object> envelope) {}

  @Override
  public void afterProcess(ProjectionId projectionId, EventEnvelope<Object> envelope) {}

  @Override
  public void offsetProgress(ProjectionId projectionId, EventEnvelope<Object> envelope) {
    health.progressed(projectionId);
  }

  @Override
  public void error(ProjectionId projectionId, EventEnvelope<Object> envelope, Throwable cause,
      HandlerRecoveryStrategy recoveryStrategy) {}
}
