package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.projection.ProjectionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContextExecutor;

/**
 * The projections running on this node and how they fare: errors in a row, restarts, committed offset, and how far
 * each is behind its tag in the journal (events after that offset, and the age of the oldest), measured every
 * {@code events-unbundled.health.behind-check-interval}, with the number of dead letters. Feeds the metrics,
 * readiness and the console.
 */
public final class ProjectionHealth implements Extension {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionHealth.class);
  private static final int COUNT_AT_MOST = 100_000;
  private static final String OFFSET = """
      SELECT CAST(o."current_offset" AS BIGINT) FROM "pekko_projection_offset_store" o
      WHERE o."projection_name" = ? AND o."projection_key" = ?""";
  private static final String BEHIND = """
      SELECT COUNT(*), MIN(j."write_timestamp") FROM (
        SELECT t."event_id" FROM "event_tag" t WHERE t."tag" = ? AND t."event_id" > ?
        ORDER BY t."event_id" LIMIT %d) behind
      JOIN "event_journal" j ON j."ordering" = behind."event_id\"""".formatted(COUNT_AT_MOST);

  /** One projection instance (a projection of one tag) as this node sees it now. */
  public record Report(String projection, String tag, boolean running, int errorsInARow, String lastError,
      long restarts, long offset, long behindEvents, long behindMillis) {}

  private static final ExtensionId<ProjectionHealth> ID = new ExtensionId<>() {
    @Override
    public ProjectionHealth createExtension(ActorSystem<?> system) {
      return new ProjectionHealth(system);
    }
  };

  private final ActorSystem<?> system;
  private final MeterRegistry registry;
  private final Config settings;
  private final Map<ProjectionId, Status> statuses = new ConcurrentHashMap<>();
  private final Set<String> building = ConcurrentHashMap.newKeySet();
  private volatile Map<String, Long> deadLetters = Map.of();

  private ProjectionHealth(ActorSystem<?> system) {
    this.system = system;
    this.registry = ShellMetrics.get(system).registry();
    this.settings = system.settings().config().getConfig("events-unbundled.health");
    for (String state : List.of(DeadLetters.FAILED, DeadLetters.WAITING)) {
      Gauge.builder("events.unbundled.dead.letters", deadLetters, letters -> letters.getOrDefault(state, 0L))
          .description("Dead letters of all consumers (failed, or waiting behind a failed one), in the database")
          .tag("state", state).register(registry);
    }
  }

  public static ProjectionHealth get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  /** Measures every running projection's distance to the journal now and then, on {@code executor}. */
  void measureBehind(Database database, ExecutionContextExecutor executor) {
    Duration every = settings.getDuration("behind-check-interval");
    system.scheduler().scheduleWithFixedDelay(every, every, () -> measure(database), executor);
  }

  /** The projections of this node, by name and tag. */
  public List<Report> reports() {
    return statuses.entrySet().stream()
        .map(entry -> entry.getValue().report(entry.getKey()))
        .sorted(Comparator.comparing(Report::projection).thenComparing(Report::tag))
        .toList();
  }

  /** Why this node should not take traffic: running projections failing in a row, or too far behind. */
  public List<String> problems() {
    int maxErrors = settings.getInt("max-errors-in-a-row");
    Duration maxBehind = settings.getDuration("max-behind");
    List<String> problems = new ArrayList<>();
    for (Report report : reports()) {
      String name = report.projection() + " (" + report.tag() + ")";
      if (!report.running()) {
        continue;
      }
      if (report.errorsInARow() >= maxErrors) {
        problems.add("projection " + name + " failed " + report.errorsInARow() + " times in a row: "
            + report.lastError());
      }
      if (report.behindMillis() > maxBehind.toMillis() && !building.contains(report.projection())) {
        problems.add("projection " + name + " is " + report.behindMillis() / 1000 + " s (" + report.behindEvents()
            + " events) behind the journal, more than " + maxBehind.toSeconds() + " s");
      }
    }
    return problems;
  }

  /** A view generation being built from the journal is behind by design: not a reason to refuse traffic. */
  void building(String projection, boolean building) {
    if (building) {
      this.building.add(projection);
    } else {
      this.building.remove(projection);
    }
  }

  void started(ProjectionId id) {
    Status status = statuses.computeIfAbsent(id, this::register);
    status.running = true;
    if (status.starts++ > 0) {
      status.restarts.increment();
    }
  }

  void stopped(ProjectionId id) {
    Status status = statuses.get(id);
    if (status != null) {
      status.running = false;
    }
  }

  void failed(ProjectionId id, Throwable cause) {
    Status status = statuses.computeIfAbsent(id, this::register);
    status.errorsInARow++;
    status.lastError = String.valueOf(cause.getMessage());
    status.errors.increment();
  }

  void progressed(ProjectionId id) {
    Status status = statuses.get(id);
    if (status != null) {
      status.errorsInARow = 0;
    }
  }

  private Status register(ProjectionId id) {
    Tags tags = Tags.of("projection", id.name(), "tag", id.key());
    Status status = new Status(
        Counter.builder("events.unbundled.projection.errors").description("Failures of a projection instance")
            .tags(tags).register(registry),
        Counter.builder("events.unbundled.projection.restarts").description("Restarts of a projection instance")
            .tags(tags).register(registry));
    Gauge.builder("events.unbundled.projection.offset", status, s -> s.offset)
        .description("The projection's committed offset (journal ordering)").tags(tags).register(registry);
    Gauge.builder("events.unbundled.projection.behind.events", status, s -> s.running ? s.behindEvents : 0)
        .description("Events of the tag after the projection's committed offset (counted up to 100000)")
        .tags(tags).register(registry);
    Gauge.builder("events.unbundled.projection.behind", status, s -> s.running ? s.behindMillis / 1000.0 : 0)
        .description("Age of the oldest event of the tag after the projection's committed offset")
        .baseUnit("seconds").tags(tags).register(registry);
    return status;
  }

  private void measure(Database database) {
    List<Map.Entry<ProjectionId, Status>> running =
        statuses.entrySet().stream().filter(entry -> entry.getValue().running).toList();
    try {
      database.read(connection -> {
        long now = System.currentTimeMillis();
        for (Map.Entry<ProjectionId, Status> entry : running) {
          measure(connection, entry.getKey(), entry.getValue(), now);
        }
        deadLetters = new DeadLetters(database.isPostgres()).countByState(connection);
        return null;
      });
    } catch (Exception e) {
      LOG.warn("Could not measure how far projections are behind: {}", e.toString());
    }
  }

  private static void measure(Connection connection, ProjectionId id, Status status, long now) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(OFFSET)) {
      query.setString(1, id.name());
      query.setString(2, id.key());
      try (ResultSet result = query.executeQuery()) {
        status.offset = result.next() ? result.getLong(1) : 0;
      }
    }
    try (PreparedStatement query = connection.prepareStatement(BEHIND)) {
      query.setString(1, id.key());
      query.setLong(2, status.offset);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        status.behindEvents = result.getLong(1);
        long oldest = result.getLong(2);
        status.behindMillis = result.wasNull() ? 0 : Math.max(0, now - oldest);
      }
    }
  }

  /** What is known of one projection instance; written by its observer and the measuring task. */
  private static final class Status {
    final Counter errors;
    final Counter restarts;
    volatile boolean running;
    volatile int starts;
    volatile int errorsInARow;
    volatile String lastError = "";
    volatile long offset;
    volatile long behindEvents;
    volatile long behindMillis;

    Status(Counter errors, Counter restarts) {
      this.errors = errors;
      this.restarts = restarts;
    }

    Report report(ProjectionId id) {
      return new Report(id.name(), id.key(), running, errorsInARow, lastError, (long) restarts.count(), offset,
          behindEvents, behindMillis);
    }
  }
}
