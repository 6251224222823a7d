package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of view generations ({@code view_versions}): per view, the one generation serving reads, at most one
 * being built from the start of the journal next to it, and those retired. A generation carries the
 * {@linkplain ViewTable#signature signature} of the record it was made for: when the record changes, the next start
 * registers a new generation to build; an operator can ask for one too. A generation remembers where the journal
 * ended when it was registered: it has caught up once it has read that far and as far as the serving one. Promotion
 * is one transaction.
 */
final class ViewVersions {

  static final String SERVING = "serving";
  static final String BUILDING = "building";
  static final String RETIRED = "retired";

  /** One generation of a view as registered; {@code journalEnd}: the journal's highest ordering at registration. */
  record Version(String view, int generation, String signature, String state, long startedAt, long journalEnd) {

    boolean is(String state) {
      return this.state.equals(state);
    }
  }

  static final String DDL = "CREATE TABLE IF NOT EXISTS \"view_versions\" (\"view\" VARCHAR(255) NOT NULL,"
      + " \"generation\" INTEGER NOT NULL, \"signature\" VARCHAR(4000) NOT NULL, \"state\" VARCHAR(16) NOT NULL,"
      + " \"started_at\" BIGINT NOT NULL, \"serving_since\" BIGINT, \"journal_end\" BIGINT NOT NULL,"
      + " PRIMARY KEY (\"view\", \"generation\"))";

  private ViewVersions() {}

  /**
   * At start, under the schema lock: registers a new view's first generation, or, when its record no longer matches
   * the serving generation's, a generation to build (a build begun for another record is retired). Answers the live
   * generations: the serving one first, then the one being built.
   */
  static List<Version> prepare(Connection c, View<?> view, long now) throws SQLException {
    String signature = ViewTable.signature(view);
    List<Version> versions = of(c, view.name());
    if (versions.isEmpty()) {
      insert(c, view.name(), 1, signature, SERVING, now);
      return live(c, view.name());
    }
    Optional<Version> building = versions.stream().filter(v -> v.is(BUILDING)).findFirst();
    if (building.isPresent() && !building.get().signature().equals(signature)) {
      update(c, "UPDATE \"view_versions\" SET \"state\" = ? WHERE \"view\" = ? AND \"generation\" = ?", RETIRED,
          view.name(), building.get().generation());
      building = Optional.empty();
    }
    boolean servingMatches = versions.stream().anyMatch(v -> v.is(SERVING) && v.signature().equals(signature));
    if (!servingMatches && building.isEmpty()) {
      insert(c, view.name(), next(versions), signature, BUILDING, now);
    }
    return live(c, view.name());
  }

  /** Registers a generation to build from the journal, unless one is being built: answers the one being built. */
  static Version rebuild(Connection c, View<?> view, long now) throws SQLException {
    List<Version> versions = of(c, view.name());
    Optional<Version> building = versions.stream().filter(v -> v.is(BUILDING)).findFirst();
    if (building.isPresent()) {
      return building.get();
    }
    insert(c, view.name(), next(versions), ViewTable.signature(view), BUILDING, now);
    return of(c, view.name()).stream().filter(v -> v.is(BUILDING)).findFirst().orElseThrow();
  }

  /** Makes a generation being built the serving one and retires the one before; false when another node did. */
  static boolean promote(Connection c, String view, int generation, long now) throws SQLException {
    if (update(c, "UPDATE \"view_versions\" SET \"state\" = ?, \"serving_since\" = ? WHERE \"view\" = ?"
        + " AND \"generation\" = ? AND \"state\" = ?", SERVING, now, view, generation, BUILDING) != 1) {
      return false;
    }
    update(c, "UPDATE \"view_versions\" SET \"state\" = ? WHERE \"view\" = ? AND \"generation\" <> ?"
        + " AND \"state\" = ?", RETIRED, view, generation, SERVING);
    return true;
  }

  /** Every registered generation of every view. */
  static List<Version> all(Connection c) throws SQLException {
    return query(c, "SELECT * FROM \"view_versions\" ORDER BY \"view\", \"generation\"", null);
  }

  private static List<Version> live(Connection c, String view) throws SQLException {
    List<Version> live = new ArrayList<>(of(c, view).stream().filter(v -> v.is(SERVING)).toList());
    live.addAll(of(c, view).stream().filter(v -> v.is(BUILDING)).toList());
    return live;
  }

  private static List<Version> of(Connection c, String view) throws SQLException {
    return query(c, "SELECT * FROM \"view_versions\" WHERE \"view\" = ? ORDER BY \"generation\"", view);
  }

  private static int next(List<Version> versions) {
    return versions.stream().mapToInt(Version::generation).max().orElse(0) + 1;
  }

  private static void insert(Connection c, String view, int generation, String signature, String state, long now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO \"view_versions\" (\"view\", \"generation\","
        + " \"signature\", \"state\", \"started_at\", \"serving_since\", \"journal_end\")"
        + " VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(\"ordering\"), 0) FROM \"event_journal\"))")) {
      s.setString(1, view);
      s.setInt(2, generation);
      s.setString(3, signature);
      s.setString(4, state);
      s.setLong(5, now);
      s.setObject(6, state.equals(SERVING) ? now : null);
      s.executeUpdate();
    }
  }

  private static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    }
  }

  private static List<Version> query(Connection c, String sql, String view) throws SQLException {
    List<Version> versions = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (view != null) {
        s.setString(1, view);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          versions.add(new Version(rows.getString("view"), rows.getInt("generation"), rows.getString("signature"),
              rows.getString("state"), rows.getLong("started_at"), rows.getLong("journal_end")));
        }
      }
    }
    return versions;
  }
}
