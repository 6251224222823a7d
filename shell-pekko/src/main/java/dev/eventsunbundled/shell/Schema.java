package dev.eventsunbundled.shell;

import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/** Creates, if absent, the journal and snapshot tables, the projection offset tables and every view table. */
final class Schema {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Schema() {}

  static void create(ActorSystem<?> system, Database database, Collection<ViewTable<?>> views) {
    try {
      SchemaUtils.createIfNotExists(system).toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JdbcProjection.createTablesIfNotExists(database::session, system)
          .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      try (Database.Session session = database.session()) {
        session.withConnection(connection -> {
          try (Statement statement = connection.createStatement()) {
            for (ViewTable<?> view : views) {
              for (String ddl : view.ddl()) {
                statement.execute(ddl);
              }
            }
          }
          return null;
        });
        session.commit();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Could not create the database schema: " + e.getMessage(), e);
    }
  }
}
