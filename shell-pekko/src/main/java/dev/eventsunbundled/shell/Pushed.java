package dev.eventsunbundled.shell;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * An event the journal has committed, sent straight to the consumers of its tag. {@code previous} is the
 * sequence number of the entity's previous event on that tag (0 for its first): a consumer applies the event
 * only if that is the last one it applied for the entity, and otherwise leaves it to the journal. A view that
 * applies it tells {@code watcher} (when set: a request waits there) directly, besides every node's watcher.
 * {@code correlationId} names the request that caused it (null when none is known).
 */
public record Pushed(String tag, String persistenceId, long sequenceNr, long previous, long timestamp,
    @PersistedPayload Object event, ActorRef<ViewWatcher.Command> watcher,
    String correlationId)
    implements ShellMessage, PushInbox {}
