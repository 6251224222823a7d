package dev.eventsunbundled.shell;

/** Where a handler entity sends each event once the journal has committed it. */
@FunctionalInterface
public interface EventPush {

  /** Pushes nowhere: the consumers read the event from the journal. */
  EventPush NONE = pushed -> {};

  void push(Pushed pushed);
}
