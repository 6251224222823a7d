package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import scala.concurrent.ExecutionContext;

/**
 * A test hook in the push path ({@code events-unbundled.push.chaos}): drops, duplicates and delays (so reorders)
 * pushed events at random. Off unless configured; the journal must make up for all of it.
 */
record PushChaos(double drop, double duplicate, Duration maxDelay) {

  static PushChaos from(Config config) {
    return new PushChaos(config.getDouble("drop"), config.getDouble("duplicate"), config.getDuration("max-delay"));
  }

  boolean isOff() {
    return drop == 0 && duplicate == 0 && maxDelay.isZero();
  }

  void send(ActorRef<PushInbox> consumer, Pushed pushed, Scheduler scheduler, ExecutionContext ec) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (random.nextDouble() < drop) {
      return;
    }
    int copies = random.nextDouble() < duplicate ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      long delay = maxDelay.isZero() ? 0 : random.nextLong(maxDelay.toMillis() + 1);
      scheduler.scheduleOnce(Duration.ofMillis(delay), () -> consumer.tell(pushed), ec);
    }
  }
}
