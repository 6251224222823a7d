package dev.eventsunbundled.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.eventsunbundled.low.View;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Creates, if absent, the journal and snapshot tables, the projection offset tables and the tables of every view's
 * live generations ({@link ViewVersions}: a changed view record registers a generation to build), and checks the settings that place events and entities against those recorded ({@link Placement}). The
 * journal DDL has the plugin's columns, is re-runnable and writes fewer indexes: tags have one unique index by tag
 * (every eventsByTag poll uses it) and no foreign key, and on H2 journal rows are keyed by their ordering. A
 * database made with the plugin's layout keeps it.
 * On PostgreSQL the DDL runs under a session advisory lock, so nodes starting together do not race.
 */
final class Schema {

  private static final long TIMEOUT_SECONDS = 60;
  private static final long DDL_LOCK = 0x6576656e7473L;

  private Schema() {}

  /** Answers, per view name, the generations of the view this node serves and builds. */
  static Map<String, ViewGenerations<?>> create(ActorSystem<?> system, Database database, List<View<?>> views) {
    try (Database.Session lock = database.session()) {
      if (database.isPostgres()) {
        execute(lock, List.of("SELECT pg_advisory_lock(" + DDL_LOCK + ")"));
      }
      try {
        return createTables(system, database, views);
      } finally {
        if (database.isPostgres()) {
          execute(lock, List.of("SELECT pg_advisory_unlock(" + DDL_LOCK + ")"));
        }
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Could not create the database schema: " + e.getMessage(), e);
    }
  }

  private static Map<String, ViewGenerations<?>> createTables(ActorSystem<?> system, Database database,
      List<View<?>> views) throws Exception {
    List<String> ddl = new ArrayList<>(
        statements(database.isPostgres() ? "events-unbundled/postgres-journal.sql" : "events-unbundled/h2-journal.sql"));
    ddl.add(ViewVersions.DDL);
    ddl.add(Placement.DDL);
    ddl.add(new DeadLetters(database.isPostgres()).ddl());
    Map<String, ViewGenerations<?>> generations;
    try (Database.Session session = database.session()) {
      execute(session, ddl);
      generations = session.withConnection(connection -> {
        Placement.check(connection, system.settings().config());
        Map<String, ViewGenerations<?>> byView = new LinkedHashMap<>();
        for (View<?> view : views) {
          byView.put(view.name(), ViewGenerations.register(connection, view, database.isPostgres()));
        }
        return byView;
      });
      session.commit();
      session.awaitWritten();
      List<String> viewDdl = new ArrayList<>();
      generations.values().forEach(view ->
          view.live().forEach(generation -> viewDdl.addAll(view.table(generation).ddl())));
      execute(session, viewDdl);
    }
    JdbcProjection.createTablesIfNotExists(database::session, system)
        .toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return generations;
  }

  private static void execute(Database.Session session, List<String> sql) throws Exception {
    session.withConnection(connection -> {
      try (Statement statement = connection.createStatement()) {
        for (String one : sql) {
          statement.execute(one);
        }
      }
      return null;
    });
    session.commit();
  }

  /** The statements of a classpath SQL script, split at semicolons. */
  static List<String> statements(String resource) throws IOException {
    try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("Missing resource " + resource);
      }
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(script.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }
}
