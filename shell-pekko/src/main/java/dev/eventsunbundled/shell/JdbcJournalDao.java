package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.DefaultJournalDao;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.Option;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.concurrent.ExecutionContextExecutor;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;
import scala.runtime.BoxedUnit;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The journal's DAO: the plugin's own for replays and deletes, but new events (journal rows and their tags, one
 * transaction) and an entity's highest sequence number go through plain JDBC, on a connection pool and dispatcher
 * of their own ({@code events-unbundled.db.journal-pool-size}), not through Slick's action interpreter and executor,
 * so they never queue behind the read journal's polls.
 */
public class JdbcJournalDao extends DefaultJournalDao {

  private static final String INSERT_EVENT = "INSERT INTO \"event_journal\" (\"deleted\", \"persistence_id\","
      + " \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\","
      + " \"event_ser_id\", \"event_ser_manifest\", \"meta_payload\", \"meta_ser_id\", \"meta_ser_manifest\")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_TAG = "INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)";
  private static final String HIGHEST = "SELECT MAX(\"sequence_number\") FROM \"event_journal\""
      + " WHERE \"persistence_id\" = ?";

  private final HikariDataSource pool;
  private final ExecutionContextExecutor blocking;

  public JdbcJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, JournalConfig config,
      Serialization serialization, ExecutionContext ec, Materializer mat) {
    super(db, profile, config, serialization, ec, mat);
    ExtendedActorSystem system = serialization.system();
    Config settings = system.settings().config().getConfig("events-unbundled.db");
    this.pool = Database.pool(settings, "events-unbundled-journal", settings.getInt("journal-pool-size"), true);
    system.registerOnTermination(pool::close);
    this.blocking = system.dispatchers().lookup("events-unbundled.journal-dispatcher");
  }

  @Override
  public Future<BoxedUnit> writeJournalRows(Seq<Tuple2<JournalPekkoSerializationRow, Set<String>>> rows) {
    List<Tuple2<JournalPekkoSerializationRow, Set<String>>> events = CollectionConverters.asJava(rows);
    return onPool(connection -> {
      connection.setAutoCommit(false);
      try {
        insert(connection, events);
        connection.commit();
        committed(connection);
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
      return BoxedUnit.UNIT;
    });
  }

  /** After each write's commit, before the entities hear of it: the H2 DAO waits for the file there. */
  protected void committed(Connection connection) throws SQLException {}

  @Override
  public Future<Object> highestSequenceNr(String persistenceId, long fromSequenceNr) {
    return onPool(connection -> {
      try (PreparedStatement select = connection.prepareStatement(HIGHEST)) {
        select.setString(1, persistenceId);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? row.getLong(1) : 0L;
        }
      }
    });
  }

  private <T> Future<T> onPool(Function<Connection, T> work) {
    return FutureConverters.asScala(CompletableFuture.supplyAsync(() -> {
      try (Connection connection = pool.getConnection()) {
        return work.apply(connection);
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, blocking));
  }

  private static void insert(Connection connection, List<Tuple2<JournalPekkoSerializationRow, Set<String>>> events)
      throws SQLException {
    long[] orderings = new long[events.size()];
    try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT, new String[] {"ordering"})) {
      for (Tuple2<JournalPekkoSerializationRow, Set<String>> event : events) {
        bind(insert, event._1());
        insert.addBatch();
      }
      insert.executeBatch();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        for (int i = 0; i < orderings.length; i++) {
          if (!keys.next()) {
            throw new SQLException("The journal returned " + i + " orderings for " + orderings.length + " events");
          }
          orderings[i] = keys.getLong(1);
        }
      }
    }
    try (PreparedStatement tag = connection.prepareStatement(INSERT_TAG)) {
      boolean any = false;
      for (int i = 0; i < orderings.length; i++) {
        for (String name : CollectionConverters.asJava(events.get(i)._2())) {
          tag.setLong(1, orderings[i]);
          tag.setString(2, name);
          tag.addBatch();
          any = true;
        }
      }
      if (any) {
        tag.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement insert, JournalPekkoSerializationRow row) throws SQLException {
    insert.setBoolean(1, row.deleted());
    insert.setString(2, row.persistenceId());
    insert.setLong(3, row.sequenceNumber());
    insert.setString(4, row.writer());
    insert.setLong(5, row.writeTimestamp());
    insert.setString(6, row.adapterManifest());
    insert.setBytes(7, row.eventPayload());
    insert.setInt(8, row.eventSerId());
    insert.setString(9, row.eventSerManifest());
    insert.setBytes(10, orNull(row.metaPayload()));
    Object metaSerId = orNull(row.metaSerId());
    if (metaSerId == null) {
      insert.setNull(11, Types.INTEGER);
    } else {
      insert.setInt(11, (Integer) metaSerId);
    }
    insert.setString(12, orNull(row.metaSerManifest()));
  }

  private static <T> T orNull(Option<T> value) {
    return value.isDefined() ? value.get() : null;
  }
}
