package dev.eventsunbundled.shell;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings that decide which entity a key names (the entity-key secret, as a fingerprint) and where an entity's
 * events and the entity itself go (hash mod n): recorded in the database at its first start; a node configured
 * otherwise refuses to start, naming both values, instead of silently splitting entities, reordering events or
 * running one entity on two nodes.
 */
final class Placement {

  static final List<String> KEYS =
      List.of("events-unbundled.tags-per-channel", "pekko.cluster.sharding.number-of-shards");
  static final String SECRET = "events-unbundled.entity-keys.secret";
  static final String SECRET_FINGERPRINT = SECRET + " (fingerprint)";
  private static final String TABLE = "\"events_unbundled_placement\"";
  static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE
      + " (\"setting\" VARCHAR(255) PRIMARY KEY, \"value\" VARCHAR(255) NOT NULL)";

  private Placement() {}

  /** Records this node's values where none are recorded; fails naming every value that differs from the record. */
  static void check(Connection c, Config config) throws SQLException {
    Map<String, String> configured = new LinkedHashMap<>();
    KEYS.forEach(key -> configured.put(key, config.getValue(key).unwrapped().toString()));
    configured.put(SECRET_FINGERPRINT, Entities.fingerprint(config.getString(SECRET)));
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> setting : configured.entrySet()) {
      Optional<String> recorded = recorded(c, setting.getKey());
      if (recorded.isEmpty() && setting.getKey().equals(SECRET_FINGERPRINT) && journalHoldsEvents(c)) {
        differences.add("this database's journal was written before entity ids were keyed hashes (no " + SECRET
            + " fingerprint is recorded), so its entities would not be found under their hashed ids");
      } else if (recorded.isEmpty()) {
        record(c, setting.getKey(), setting.getValue());
      } else if (!recorded.get().equals(setting.getValue())) {
        differences.add(setting.getKey() + " is " + recorded.get() + " in this database (recorded at its first start)"
            + " but " + setting.getValue() + " in this node's configuration");
      }
    }
    if (!differences.isEmpty()) {
      throw new IllegalStateException(String.join("; ", differences) + ". Events and entities would be placed"
          + " differently from where they are: start with the recorded values, or use a new database.");
    }
  }

  private static boolean journalHoldsEvents(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM \"event_journal\" FETCH FIRST 1 ROWS ONLY");
        ResultSet rows = s.executeQuery()) {
      return rows.next();
    }
  }

  private static Optional<String> recorded(Connection c, String setting) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT \"value\" FROM " + TABLE + " WHERE \"setting\" = ?")) {
      s.setString(1, setting);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  private static void record(Connection c, String setting, String value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE + " (\"setting\", \"value\") VALUES (?, ?)")) {
      s.setString(1, setting);
      s.setString(2, value);
      s.executeUpdate();
    }
  }
}
