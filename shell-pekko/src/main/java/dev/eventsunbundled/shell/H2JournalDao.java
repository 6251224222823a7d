package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The journal's DAO on embedded H2: {@link JdbcJournalDao}, counting its writes in flight ({@link JournalWrites}),
 * so the read side can tell a hole left by a finished write from one an insert in flight may still fill, and
 * answering a write only once it is in the file.
 */
public final class H2JournalDao extends JdbcJournalDao {

  private final JournalWrites writes;

  public H2JournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, JournalConfig config,
      Serialization serialization, ExecutionContext ec, Materializer mat) {
    super(db, profile, config, serialization, ec, mat);
    this.writes = JournalWrites.get(serialization.system());
    writes.track();
  }

  /** The events are in the file before the write answers ({@link H2FileWrites}). */
  @Override
  protected void committed(Connection connection) throws SQLException {
    H2FileWrites.awaitWritten(connection);
  }

  @Override
  public Future<BoxedUnit> writeJournalRows(Seq<Tuple2<JournalPekkoSerializationRow, Set<String>>> rows) {
    long began = writes.begin();
    Future<BoxedUnit> written;
    try {
      written = super.writeJournalRows(rows);
    } catch (RuntimeException e) {
      writes.end(began);
      throw e;
    }
    written.onComplete(result -> {
      writes.end(began);
      return null;
    }, ec());
    return written;
  }
}
