package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/** The connection pool for views and projection offsets, and the JDBC sessions projections run in. */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final boolean postgres;

  private Database(HikariDataSource pool, boolean postgres) {
    this.pool = pool;
    this.postgres = postgres;
  }

  /** Opens a pool on {@code events-unbundled.db} (url, driver, user, password, pool-size). */
  public static Database open(Config db) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("events-unbundled-views");
    config.setJdbcUrl(db.getString("url"));
    config.setDriverClassName(db.getString("driver"));
    config.setUsername(db.getString("user"));
    config.setPassword(db.getString("password"));
    config.setMaximumPoolSize(db.getInt("pool-size"));
    config.setMinimumIdle(1);
    config.setAutoCommit(false);
    return new Database(new HikariDataSource(config), db.getString("url").startsWith("jdbc:postgresql:"));
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

  /** Runs work in one read-only transaction and closes it. */
  public <T> T read(Function<Connection, T> work) throws Exception {
    try (Session session = session()) {
      T result = session.withConnection(work);
      session.rollback();
      return result;
    }
  }

  @Override
  public void close() {
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

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
