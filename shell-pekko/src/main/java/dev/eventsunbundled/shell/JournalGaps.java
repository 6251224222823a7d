package dev.eventsunbundled.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells which holes in the journal's {@code ordering} can never be filled, so the read journal moves past them
 * at once instead of waiting {@code max-tries × query-delay}. A hole is permanent when every insert that could
 * still fill it has ended: a write that took a value in the hole began before the look that found the hole, so
 * once the store says all writes begun before a later mark have ended, and the hole is still there, it stays.
 * A hole of an insert really in flight is kept until that insert ends.
 */
final class JournalGaps {

  /**
   * What one look at the journal showed besides the orderings. {@code settled}: every write marked before it has
   * ended, as seen by this look's query. {@code mark}: a point that writes begun before this look are before.
   */
  record Look(long nanos, long settled, long mark) {}

  /** Missing values {@code from..to}, first seen at {@code seenAt}; {@code mark} once the grace has passed. */
  private record Hole(long from, long to, long seenAt, long mark) {
    Hole part(long a, long b) {
      return new Hole(a, b, seenAt, mark);
    }
  }

  private static final long UNMARKED = Long.MAX_VALUE;
  private static final long PROVEN = Long.MIN_VALUE;
  /** Filled values handed back per look at most; the rest of a huge hole follows on the next looks. */
  private static final int MAX_FILLED = 100_000;

  /** Journal positions proven permanently empty and skipped, by every reader in this JVM. */
  static final AtomicLong SKIPPED = new AtomicLong();

  private final long graceNanos;
  private TreeMap<Long, Hole> holes = new TreeMap<>();

  /** {@code graceNanos}: how long after a hole is first seen its mark is taken (time for a writer to show up). */
  JournalGaps(long graceNanos) {
    this.graceNanos = graceNanos;
  }

  /**
   * The orderings above {@code offset} that {@code look} found (ascending), plus the values of every hole among
   * them that is now proven permanent.
   */
  synchronized List<Long> withPermanentHoles(long offset, List<Long> orderings, Look look) {
    TreeMap<Long, Hole> next = new TreeMap<>();
    List<Long> result = new ArrayList<>(orderings);
    long previous = offset;
    for (long ordering : orderings) {
      if (ordering > previous + 1) {
        for (Hole hole : known(previous + 1, ordering - 1, look.nanos())) {
          Hole judged = judge(hole, look);
          if (judged == null) {
            Hole rest = fill(result, hole);
            if (rest != null) {
              next.put(rest.from(), rest);
            }
          } else {
            next.put(judged.from(), judged);
          }
        }
      }
      previous = ordering;
    }
    holes = next;
    SKIPPED.addAndGet(result.size() - orderings.size());
    result.sort(null);
    return result;
  }

  /** Null when the hole is permanent; otherwise the hole with its mark taken once the grace has passed. */
  private Hole judge(Hole hole, Look look) {
    Hole marked = hole.mark() == UNMARKED && look.nanos() - hole.seenAt() >= graceNanos
        ? new Hole(hole.from(), hole.to(), hole.seenAt(), look.mark())
        : hole;
    return marked.mark() != UNMARKED && look.settled() >= marked.mark() ? null : marked;
  }

  /** The values {@code from..to} as pieces that keep what earlier looks learned about them. */
  private List<Hole> known(long from, long to, long now) {
    List<Hole> pieces = new ArrayList<>();
    long cursor = from;
    Map.Entry<Long, Hole> before = holes.floorEntry(from);
    Iterable<Hole> candidates = before != null && before.getValue().to() >= from
        ? holes.tailMap(before.getKey(), true).values()
        : holes.tailMap(from, true).values();
    for (Hole hole : candidates) {
      if (hole.from() > to) {
        break;
      }
      if (hole.from() > cursor) {
        pieces.add(new Hole(cursor, hole.from() - 1, now, UNMARKED));
      }
      pieces.add(hole.part(Math.max(cursor, hole.from()), Math.min(to, hole.to())));
      cursor = Math.min(to, hole.to()) + 1;
    }
    if (cursor <= to) {
      pieces.add(new Hole(cursor, to, now, UNMARKED));
    }
    return pieces;
  }

  /** Adds the hole's values to the result, at most {@code MAX_FILLED}; answers the proven rest, or null. */
  private static Hole fill(List<Long> result, Hole hole) {
    long last = Math.min(hole.to(), hole.from() + MAX_FILLED - 1);
    for (long value = hole.from(); value <= last; value++) {
      result.add(value);
    }
    return last < hole.to() ? new Hole(last + 1, hole.to(), hole.seenAt(), PROVEN) : null;
  }
}
