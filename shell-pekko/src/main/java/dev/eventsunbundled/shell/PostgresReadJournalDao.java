package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.concurrent.ExecutionContext;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The read journal's DAO on PostgreSQL (13 or newer), whose journal sequence proves holes permanent from
 * transaction ids: a hole's mark is the snapshot's xmax a grace after the hole was first seen (its writer
 * holds a transaction id by then), and the hole is permanent once the oldest running transaction is past it.
 */
public final class PostgresReadJournalDao extends ShellReadJournalDao {

  /** From taking a value in {@code ordering} to holding a transaction id, a writer needs microseconds. */
  private static final Duration IN_FLIGHT_GRACE = Duration.ofMillis(100);

  private static final String JOURNAL_SEQUENCE = "SELECT j.ordering,"
      + " pg_snapshot_xmin(s.snapshot)::text::bigint, pg_snapshot_xmax(s.snapshot)::text::bigint"
      + " FROM (SELECT pg_current_snapshot() AS snapshot) s"
      + " LEFT JOIN LATERAL (SELECT ordering FROM event_journal WHERE ordering > ? ORDER BY ordering LIMIT ?) j ON TRUE"
      + " ORDER BY j.ordering";

  public PostgresReadJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, ReadJournalConfig config,
      Serialization serialization, ExecutionContext ec, Materializer mat) {
    super(db, profile, config, serialization, ec, mat, IN_FLIGHT_GRACE.toNanos());
  }

  /** One statement, one snapshot: its xmin says which writes have ended for exactly the rows it saw. */
  @Override
  JournalGaps.Look look(Connection connection, long offset, long limit, List<Long> orderings) throws SQLException {
    long xmin = Long.MIN_VALUE;
    long xmax = Long.MAX_VALUE;
    try (PreparedStatement statement = connection.prepareStatement(JOURNAL_SEQUENCE)) {
      statement.setLong(1, offset);
      statement.setLong(2, limit);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          long ordering = rs.getLong(1);
          if (!rs.wasNull()) {
            orderings.add(ordering);
          }
          xmin = rs.getLong(2);
          xmax = rs.getLong(3);
        }
      }
    }
    return new JournalGaps.Look(System.nanoTime(), xmin, xmax);
  }
}
