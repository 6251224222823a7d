package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * The connection pools for views and projection offsets: one whose connections run transactions (projections,
 * schema), one of auto-commit connections for reads, so that API reads never queue behind projections.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final HikariDataSource reads;
  private final boolean postgres;

  private Database(HikariDataSource pool, HikariDataSource reads, boolean postgres) {
    this.pool = pool;
    this.reads = reads;
    this.postgres = postgres;
  }

  /**
   * Opens the pools on {@code events-unbundled.db} (url, driver, user, password, sslmode when set, pool-size,
   * read-pool-size, connection-timeout, statement-timeout).
   */
  public static Database open(Config db) {
    boolean postgres = db.getString("url").startsWith("jdbc:postgresql:");
    return new Database(pool(db, "events-unbundled-views", db.getInt("pool-size"), false, postgres),
        pool(db, "events-unbundled-reads", db.getInt("read-pool-size"), true, postgres), postgres);
  }

  /** A pool on {@code events-unbundled.db}: {@code size} connections, auto-commit or not, with the statement timeout. */
  static HikariDataSource pool(Config db, String name, int size, boolean autoCommit) {
    return pool(db, name, size, autoCommit, db.getString("url").startsWith("jdbc:postgresql:"));
  }

  private static HikariDataSource pool(Config db, String name, int size, boolean autoCommit, boolean postgres) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(db.getString("url"));
    config.setDriverClassName(db.getString("driver"));
    config.setUsername(db.getString("user"));
    config.setPassword(db.getString("password"));
    if (db.hasPath("sslmode")) {
      config.addDataSourceProperty("sslmode", db.getString("sslmode"));
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setAutoCommit(autoCommit);
    config.setConnectionTimeout(db.getDuration("connection-timeout").toMillis());
    long statementMillis = db.getDuration("statement-timeout").toMillis();
    config.setConnectionInitSql(postgres
        ? "SET statement_timeout = " + statementMillis
        : "SET QUERY_TIMEOUT " + statementMillis);
    return new HikariDataSource(config);
  }

  public DataSource dataSource() {
    return pool;
  }

  public boolean isPostgres() {
    return postgres;
  }

  /** A new session (one transaction) for a projection; the projection commits or rolls it back. */
  public Session session() {
    try {
      return new Session(pool.getConnection());
    } catch (SQLException e) {
      throw new IllegalStateException("No database connection: " + e.getMessage(), e);
    }
  }

  /**
   * Runs reads on an auto-commit connection: no transaction to end (on H2 ending one with WRITE_DELAY=0 writes a
   * chunk to the file, even after only reading).
   */
  public <T> T read(Function<Connection, T> work) throws Exception {
    try (Connection connection = reads.getConnection()) {
      return work.apply(connection);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed (on an H2 file, written to the file: {@link H2FileWrites}) when it
   * returns, rolled back when it throws.
   */
  public <T> T transact(Function<Connection, T> work) throws Exception {
    try (Session session = session()) {
      try {
        T result = session.withConnection(work);
        session.commit();
        session.awaitWritten();
        return result;
      } catch (Exception e) {
        session.rollback();
        throw e;
      }
    }
  }

  @Override
  public void close() {
    reads.close();
    pool.close();
  }

  /** One connection, one transaction. */
  public static final class Session implements JdbcSession, AutoCloseable {
    private final Connection connection;

    private Session(Connection connection) {
      this.connection = connection;
    }

    @Override
    public <R> R withConnection(Function<Connection, R> work) throws Exception {
      return work.apply(connection);
    }

    @Override
    public void commit() throws SQLException {
      connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
      connection.rollback();
    }

    /** After {@link #commit}: on an H2 file, returns once the commit is in the file ({@link H2FileWrites}). */
    public void awaitWritten() throws SQLException {
      H2FileWrites.awaitWritten(connection);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
