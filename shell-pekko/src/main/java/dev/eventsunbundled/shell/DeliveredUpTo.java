package dev.eventsunbundled.shell;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one channel consumer on this node knows it has delivered: per upstream entity, the sequence number of
 * the latest event handled (or skipped as not an input). Bounded: an entity forgotten is only unknown again.
 */
final class DeliveredUpTo {

  private static final int REMEMBERED = 100_000;

  private final Map<String, Long> upTo = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > REMEMBERED;
    }
  };

  /** 0 when nothing of the entity is known to have been delivered. */
  synchronized long of(String persistenceId) {
    return upTo.getOrDefault(persistenceId, 0L);
  }

  synchronized void advance(String persistenceId, long sequenceNr) {
    upTo.merge(persistenceId, sequenceNr, Math::max);
  }
}
