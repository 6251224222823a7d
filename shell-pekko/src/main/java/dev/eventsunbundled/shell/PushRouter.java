package dev.eventsunbundled.shell;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * Sends each committed event straight to the consumers of its tag (view projections, channel deliveries), on
 * whichever node they run: consumers register under their tag's key with the receptionist, and this node keeps
 * the current listing of every tag. A consumer not (yet) listed reads the event from the journal.
 */
public final class PushRouter implements EventPush {

  private final ActorSystem<?> system;
  private final PushChaos chaos;
  private volatile Map<String, List<ActorRef<PushInbox>>> consumers = Map.of();

  private PushRouter(ActorSystem<?> system, PushChaos chaos) {
    this.system = system;
    this.chaos = chaos;
  }

  /** The key push consumers of {@code tag} register under. */
  public static ServiceKey<PushInbox> key(String tag) {
    return ServiceKey.create(PushInbox.class, "events-unbundled-push-" + tag);
  }

  /** Follows the consumers of these tags, on every node, from now on. */
  public static PushRouter start(ActorSystem<?> system, Collection<String> tags, PushChaos chaos) {
    PushRouter router = new PushRouter(system, chaos);
    system.systemActorOf(router.listings(tags), "push-router", Props.empty());
    return router;
  }

  /**
   * A daemon behavior that also hosts a push consumer of {@code tag}, registered while the daemon runs: where the
   * projection of a tag moves, its push consumer moves with it.
   */
  public static <T> Behavior<T> withConsumer(String tag, Behavior<PushInbox> consumer, Behavior<T> daemon) {
    return Behaviors.setup(ctx -> {
      ActorRef<PushInbox> ref = ctx.spawn(consumer, "pushed");
      ctx.spawn(registration(tag, ref), "pushed-registration");
      return daemon;
    });
  }

  /** As {@link #withConsumer}, for a consumer shared by the tags this node runs (registered for this tag meanwhile). */
  public static <T> Behavior<T> withSharedConsumer(String tag, ActorRef<PushInbox> consumer, Behavior<T> daemon) {
    return Behaviors.setup(ctx -> {
      ctx.spawn(registration(tag, consumer), "pushed-registration");
      return daemon;
    });
  }

  /** Lists the consumer under the tag's key while it runs (a child of the tag's daemon, it stops with it). */
  private static Behavior<Void> registration(String tag, ActorRef<PushInbox> consumer) {
    return Behaviors.setup(ctx -> {
      ctx.getSystem().receptionist().tell(Receptionist.register(key(tag), consumer));
      return Behaviors.receive(Void.class)
          .onSignal(PostStop.class, stop -> {
            ctx.getSystem().receptionist().tell(Receptionist.deregister(key(tag), consumer));
            return Behaviors.same();
          })
          .build();
    });
  }

  @Override
  public void push(Pushed pushed) {
    for (ActorRef<PushInbox> consumer : consumers.getOrDefault(pushed.tag(), List.of())) {
      if (chaos.isOff()) {
        consumer.tell(pushed);
      } else {
        chaos.send(consumer, pushed, system.scheduler(), system.executionContext());
      }
    }
  }

  private Behavior<Receptionist.Listing> listings(Collection<String> tags) {
    return Behaviors.setup(ctx -> {
      for (String tag : tags) {
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(key(tag), ctx.getSelf()));
      }
      return Behaviors.receiveMessage(listing -> {
        Map<String, List<ActorRef<PushInbox>>> next = new HashMap<>(consumers);
        for (String tag : tags) {
          if (listing.isForKey(key(tag))) {
            next.put(tag, List.copyOf(listing.getServiceInstances(key(tag))));
          }
        }
        consumers = Map.copyOf(next);
        return Behaviors.same();
      });
    });
  }
}
