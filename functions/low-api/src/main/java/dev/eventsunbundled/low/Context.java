package dev.eventsunbundled.low;

import java.time.Instant;
import java.util.UUID;

/** What the environment lends a function for one message: ids, time and a way to notify the requester. */
public interface Context {

  /** A fresh identifier; deterministic in tests. */
  UUID newId();

  /** The current time; fixed in tests. */
  Instant now();

  /** Tells the requester something without recording an event. */
  void notify(Notice notice);
}
