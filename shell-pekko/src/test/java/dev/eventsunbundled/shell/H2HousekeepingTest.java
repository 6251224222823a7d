package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file committed to row by row (WRITE_DELAY=0) keeps every chunk until housekeeping moves its live pages. */
class H2HousekeepingTest {

  @TempDir
  Path dir;

  @Test
  void housekeepingFoldsTheChunksThatSingleRowCommitsLeaveBehind() throws Exception {
    try (Database database = Database.open(db("jdbc:h2:file:" + dir.resolve("db")
        + ";WRITE_DELAY=0;RETENTION_TIME=0"))) {
      database.transact(c -> c.createStatement().execute("CREATE TABLE t (id VARCHAR(40) PRIMARY KEY, n BIGINT)"));
      for (int i = 0; i < 2_000; i++) {
        long id = i;
        database.transact(c -> {
          try (PreparedStatement s = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setLong(2, id);
            return s.executeUpdate();
          }
        });
      }
      long before = chunks(database);
      H2Housekeeping housekeeping = H2Housekeeping.of(database, 50, 4 << 20).orElseThrow();
      for (int i = 0; i < 20; i++) {
        housekeeping.run();
      }

      assertThat(before).isGreaterThan(100);
      assertThat(chunks(database)).isLessThan(before / 10);
      long rows = database.read(c -> {
        try (ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
          count.next();
          return count.getLong(1);
        }
      });
      assertThat(rows).isEqualTo(2_000);
    }
  }

  @Test
  void anInMemoryDatabaseHasNoFileToKeep() {
    try (Database database = Database.open(db(TestNode.inMemoryUrl()))) {
      assertThat(H2Housekeeping.of(database, 50, 4 << 20)).isEmpty();
    }
  }

  private static long chunks(Database database) throws Exception {
    return database.read(c -> {
      try (ResultSet rows = c.createStatement().executeQuery(
          "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'")) {
        rows.next();
        return Long.parseLong(rows.getString(1));
      }
    });
  }

  private static Config db(String url) {
    return ConfigFactory.parseString("url = \"" + url + "\", driver = org.h2.Driver, user = sa, password = \"\","
            + " pool-size = 2, read-pool-size = 1")
        .withFallback(ConfigFactory.defaultReference().getConfig("events-unbundled.db"));
  }
}
