package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.persistence.jdbc.query.dao.DefaultReadJournalDao;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import scala.Tuple3;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.util.Try;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The read journal's DAO: eventsByTag through a bounded query ({@link EventsByTagQuery}), and the journal sequence
 * with the holes {@link JournalGaps} proves permanent filled in, so the plugin's sequence actor moves past a hole
 * left by a rolled-back or crashed insert at once. Subclasses say what proves a hole on their store.
 */
abstract class ShellReadJournalDao extends DefaultReadJournalDao {

  private static final ExecutorService QUERIES = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "read-journal-queries");
    thread.setDaemon(true);
    return thread;
  });

  private final JdbcBackend.JdbcDatabaseDef database;
  private final JournalGaps gaps;
  private final EventsByTagQuery eventsByTag;

  ShellReadJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, ReadJournalConfig config,
      Serialization serialization, ExecutionContext ec, Materializer mat, long graceNanos) {
    super(db, profile, config, serialization, ec, mat);
    this.database = db;
    this.gaps = new JournalGaps(graceNanos);
    this.eventsByTag = new EventsByTagQuery(serialization);
  }

  /** The orderings above {@code offset} (at most {@code limit}, ascending) into {@code orderings}, and what proves holes. */
  abstract JournalGaps.Look look(Connection connection, long offset, long limit, List<Long> orderings)
      throws SQLException;

  @Override
  public org.apache.pekko.stream.scaladsl.Source<Try<Tuple3<PersistentRepr, Set<String>, Object>>, NotUsed>
      eventsByTag(String tag, long offset, long maxOffset, long max) {
    return query(() -> {
      try (Connection connection = database.source().createConnection()) {
        return eventsByTag.run(connection, tag, offset, maxOffset, max);
      } catch (SQLException e) {
        throw new IllegalStateException("eventsByTag(" + tag + ") failed: " + e.getMessage(), e);
      }
    });
  }

  @Override
  public org.apache.pekko.stream.scaladsl.Source<Object, NotUsed> journalSequence(long offset, long limit) {
    return query(() -> {
      try (Connection connection = database.source().createConnection()) {
        List<Long> orderings = new ArrayList<>();
        JournalGaps.Look look = look(connection, offset, limit, orderings);
        return gaps.withPermanentHoles(offset, orderings, look);
      } catch (SQLException e) {
        throw new IllegalStateException("journal sequence after " + offset + " failed: " + e.getMessage(), e);
      }
    });
  }

  /** Runs a blocking query off the stream's threads and emits its rows. */
  private static <T, R> org.apache.pekko.stream.scaladsl.Source<R, NotUsed> query(Supplier<List<T>> rows) {
    @SuppressWarnings("unchecked")
    Source<R, NotUsed> source = Source.completionStage(CompletableFuture.supplyAsync(rows, QUERIES))
        .mapConcat(list -> (List<R>) list);
    return source.asScala();
  }
}
