package dev.eventsunbundled.shell;

/** What a push consumer receives: {@link Pushed} events from entities, and its own notes to itself. */
public interface PushInbox {}
