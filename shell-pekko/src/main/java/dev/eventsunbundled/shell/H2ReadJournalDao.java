package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.concurrent.ExecutionContext;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The read journal's DAO on embedded H2: it proves holes permanent from this process's own writes
 * ({@link H2JournalDao}), the journal's only writer.
 */
public final class H2ReadJournalDao extends ShellReadJournalDao {

  private static final String JOURNAL_SEQUENCE =
      "SELECT \"ordering\" FROM \"event_journal\" WHERE \"ordering\" > ? ORDER BY \"ordering\" LIMIT ?";

  private final JournalWrites writes;

  public H2ReadJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, ReadJournalConfig config,
      Serialization serialization, ExecutionContext ec, Materializer mat) {
    super(db, profile, config, serialization, ec, mat, 0);
    this.writes = JournalWrites.get(serialization.system());
  }

  /** Settled is read before the query and the mark taken after it: a write the query missed began before the mark. */
  @Override
  JournalGaps.Look look(Connection connection, long offset, long limit, List<Long> orderings) throws SQLException {
    long settled = writes.isTracked() ? writes.settled() : Long.MIN_VALUE;
    try (PreparedStatement statement = connection.prepareStatement(JOURNAL_SEQUENCE)) {
      statement.setLong(1, offset);
      statement.setLong(2, limit);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          orderings.add(rs.getLong(1));
        }
      }
    }
    return new JournalGaps.Look(System.nanoTime(), settled, writes.mark());
  }
}
