package dev.eventsunbundled.shell;

import dev.eventsunbundled.shell.ViewVersions.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds new generations of views next to the serving ones and switches to them ({@link ViewVersions}). Every
 * {@code events-unbundled.views.check-interval} each node starts the projections of a generation registered
 * elsewhere, follows a promotion made elsewhere, and promotes a generation being built once its projections have read,
 * tag by tag, the journal as it was when the generation was registered, and as far as the serving generation's
 * (the first node to see it does, in one transaction). An
 * operator asks for a rebuild with {@link #rebuild} and watches it with {@link #status}.
 */
public final class ViewRebuilds implements Extension {

  /**
   * Where a view stands: the generation serving reads and its table; the one being built (0 and null when none),
   * with how many of the events on its tags it has read of how many the journal holds.
   */
  public record Status(String view, int serving, String servingTable, int building, String buildingTable,
      long builtEvents, long journalEvents) {}

  private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);

  private static final ExtensionId<ViewRebuilds> ID = new ExtensionId<>() {
    @Override
    public ViewRebuilds createExtension(ActorSystem<?> system) {
      return new ViewRebuilds(system);
    }
  };

  private final ActorSystem<?> system;
  private final Map<String, ViewProjection<?, ?>> views = new ConcurrentHashMap<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile Database database;
  private volatile Executor blocking;

  private ViewRebuilds(ActorSystem<?> system) {
    this.system = system;
  }

  public static ViewRebuilds get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  void host(ViewProjection<?, ?> projection, Database database, Executor blocking) {
    this.database = database;
    this.blocking = blocking;
    views.put(projection.generations().view().name(), projection);
    Duration interval = system.settings().config().getDuration("events-unbundled.views.check-interval");
    if (!interval.isZero() && scheduled.compareAndSet(false, true)) {
      system.scheduler().scheduleWithFixedDelay(interval, interval, () -> check().whenComplete((done, failure) -> {
        if (failure != null) {
          log.warn("Checking the view generations failed: {}", failure.toString());
        }
      }), system.executionContext());
    }
  }

  /** Every view hosted here, as it stands now. */
  public CompletionStage<List<Status>> status() {
    return async(() -> {
      List<Status> all = new ArrayList<>();
      for (ViewProjection<?, ?> view : views.values()) {
        all.add(status(view));
      }
      return all;
    });
  }

  /**
   * Registers a new generation of the view, built from the start of the journal next to the serving one (unless one
   * is being built already), starts its projections here, and answers where the view stands.
   */
  public CompletionStage<Status> rebuild(String view) {
    ViewProjection<?, ?> hosted = views.get(view);
    if (hosted == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "No view named '" + view + "' is hosted here; the views are " + views.keySet()));
    }
    return async(() -> {
      Version building = database.transact(c -> ViewVersions.rebuild(c, hosted.generations().view(),
          System.currentTimeMillis()));
      log.info("View {}: generation {} is being built from the journal", view, building.generation());
      checkNow();
      return status(hosted);
    });
  }

  /** Follows and promotes generations now (it runs every check-interval on its own). */
  public CompletionStage<Void> check() {
    return async(() -> {
      checkNow();
      return null;
    });
  }

  private synchronized void checkNow() throws Exception {
    List<Version> versions = database.read(ViewVersions::all);
    for (ViewProjection<?, ?> view : views.values()) {
      follow(view, versions.stream().filter(v -> v.view().equals(view.generations().view().name())).toList());
    }
  }

  private <E, V extends Record> void follow(ViewProjection<E, V> hosted, List<Version> versions) throws Exception {
    ViewGenerations<V> generations = hosted.generations();
    String signature = ViewTable.signature(generations.view());
    for (Version version : versions) {
      boolean wanted = version.is(ViewVersions.SERVING)
          || (version.is(ViewVersions.BUILDING) && version.signature().equals(signature));
      if (wanted && !generations.knows(version.generation())) {
        ViewTable<V> table = new ViewTable<>(generations.view(), version.generation(), version.signature(),
            database.isPostgres());
        database.transact(c -> createTables(c, table));
        generations.add(table);
        hosted.startGeneration(version.generation(), false);
      }
    }
    for (Version version : versions) {
      if (version.is(ViewVersions.SERVING) && !generations.isServing(version.generation())) {
        promoted(hosted, version.generation());
      } else if (version.is(ViewVersions.BUILDING) && generations.knows(version.generation())
          && database.read(c -> caughtUp(c, hosted, version))
          && database.transact(c -> ViewVersions.promote(c, version.view(), version.generation(),
              System.currentTimeMillis()))) {
        promoted(hosted, version.generation());
      }
    }
  }

  private void promoted(ViewProjection<?, ?> hosted, int generation) {
    hosted.generations().promote(generation);
    ProjectionHealth.get(system).building(ViewProjection.projectionName(hosted.projector(), generation), false);
    log.info("View {}: generation {} ({}) serves now", hosted.generations().view().name(), generation,
        hosted.generations().serving().tableName());
  }

  private static Void createTables(Connection c, ViewTable<?> table) throws SQLException {
    try (Statement statement = c.createStatement()) {
      for (String ddl : table.ddl()) {
        statement.execute(ddl);
      }
    }
    return null;
  }

  /**
   * Whether a generation's projections have read, on every tag, the journal's events up to where it ended when the
   * generation was registered, and at least as far as the serving generation's.
   */
  private static boolean caughtUp(Connection c, ViewProjection<?, ?> hosted, Version version) throws SQLException {
    int serving = hosted.generations().serving().generation();
    Map<String, Long> built = offsets(c, ViewProjection.projectionName(hosted.projector(), version.generation()));
    Map<String, Long> served = offsets(c, ViewProjection.projectionName(hosted.projector(), serving));
    for (String tag : hosted.tags()) {
      long read = built.getOrDefault(tag, 0L);
      if (read < served.getOrDefault(tag, 0L)
          || read < onTag(c, "COALESCE(MAX(\"event_id\"), 0)", tag, version.journalEnd())) {
        return false;
      }
    }
    return true;
  }

  private Status status(ViewProjection<?, ?> hosted) throws Exception {
    ViewGenerations<?> generations = hosted.generations();
    ViewTable<?> serving = generations.serving();
    Optional<Integer> building = generations.live().stream().filter(g -> g > serving.generation()).findFirst();
    if (building.isEmpty()) {
      return new Status(generations.view().name(), serving.generation(), serving.tableName(), 0, null, 0, 0);
    }
    long[] counts = database.read(c -> progress(c, hosted, building.get()));
    return new Status(generations.view().name(), serving.generation(), serving.tableName(), building.get(),
        generations.table(building.get()).tableName(), counts[0], counts[1]);
  }

  /** Events on the view's tags the generation's projections have read past, and all of them. */
  private static long[] progress(Connection c, ViewProjection<?, ?> hosted, int generation) throws SQLException {
    Map<String, Long> built = offsets(c, ViewProjection.projectionName(hosted.projector(), generation));
    long[] counts = new long[2];
    for (String tag : hosted.tags()) {
      counts[0] += onTag(c, "COUNT(*)", tag, built.getOrDefault(tag, 0L));
      counts[1] += onTag(c, "COUNT(*)", tag, Long.MAX_VALUE);
    }
    return counts;
  }

  /** {@code aggregate} (a count, a maximum) over the tag's events with an ordering up to {@code upTo}. */
  private static long onTag(Connection c, String aggregate, String tag, long upTo) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT " + aggregate + " FROM \"event_tag\" WHERE \"tag\" = ? AND \"event_id\" <= ?")) {
      s.setString(1, tag);
      s.setLong(2, upTo);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static Map<String, Long> offsets(Connection c, String projection) throws SQLException {
    Map<String, Long> offsets = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT \"projection_key\", CAST(\"current_offset\" AS BIGINT)"
        + " FROM \"pekko_projection_offset_store\" WHERE \"projection_name\" = ?")) {
      s.setString(1, projection);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          offsets.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return offsets;
  }

  private <T> CompletionStage<T> async(Work<T> work) {
    if (database == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("No view is hosted on this node"));
    }
    return CompletableFuture.supplyAsync(() -> {
      try {
        return work.run();
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, blocking);
  }

  private interface Work<T> {
    T run() throws Exception;
  }
}
