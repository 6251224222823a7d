package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContextExecutor;

/**
 * Compacts an embedded H2 file now and then, besides what H2's own background writer does when it runs: with
 * {@code WRITE_DELAY=0} it runs none (h2database issue 442), so every chunk that keeps one live page stayed in the
 * file for good; the file grew by about 100 KB per invite, without bound, and each commit rewrote more of H2's
 * growing chunk table.
 */
final class H2Housekeeping {

  private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

  private final MVStore store;
  private final int fillRate;
  private final int writeBytes;
  private long idleAt = -1;

  private H2Housekeeping(MVStore store, int fillRate, int writeBytes) {
    this.store = store;
    this.fillRate = fillRate;
    this.writeBytes = writeBytes;
  }

  /** Starts compacting every {@code interval} on {@code executor} when the database is an H2 file; else nothing. */
  static void start(ActorSystem<?> system, Database database, Config settings, ExecutionContextExecutor executor) {
    Duration every = settings.getDuration("interval");
    if (every.isZero()) {
      return;
    }
    of(database, settings.getInt("fill-rate"), (int) settings.getBytes("write-per-run").longValue())
        .ifPresent(housekeeping -> system.scheduler().scheduleWithFixedDelay(every, every, housekeeping::run, executor));
  }

  /** The housekeeping of {@code database} if it is an H2 file (not PostgreSQL, not in memory). */
  static Optional<H2Housekeeping> of(Database database, int fillRate, int writeBytes) {
    if (database.isPostgres()) {
      return Optional.empty();
    }
    try {
      return database.read(H2FileWrites::fileStoreOf).map(store -> new H2Housekeeping(store, fillRate, writeBytes));
    } catch (Exception e) {
      LOG.warn("H2 housekeeping not started: {}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * Moves the live pages of the emptiest old chunks into a new one, and writes it, off the request path; does
   * nothing while no commit came since a run that found nothing to move (an idle node).
   */
  void run() {
    try {
      long version = store.getCurrentVersion();
      if (store.isClosed() || version == idleAt) {
        return;
      }
      if (store.compact(fillRate, writeBytes)) {
        store.commit();
      } else {
        idleAt = version;
      }
    } catch (RuntimeException e) {
      LOG.warn("H2 housekeeping failed: {}", e.toString());
    }
  }
}
