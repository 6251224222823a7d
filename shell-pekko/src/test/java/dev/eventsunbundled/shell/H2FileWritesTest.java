package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit on an H2 file with a write delay: what was committed before {@code awaitWritten} is in the file
 * (read back from a copy of the file taken while the database is open, as a killed process would leave it), what
 * came after is not yet, and callers on many threads all find their commits there.
 */
class H2FileWritesTest {

  @TempDir
  Path dir;

  @Test
  void aCommitIsInTheFileOnceAwaitWrittenReturnsAndNotBefore() throws Exception {
    try (Connection c = open(dir.resolve("db"))) {
      write(c, "CREATE TABLE t (id VARCHAR PRIMARY KEY)");
      insert(c, "answered");
      H2FileWrites.awaitWritten(c);
      insert(c, "not yet");

      List<String> inTheFile = rowsOfACopy(dir.resolve("db.mv.db"), dir.resolve("copy"));
      assertThat(inTheFile).containsExactly("answered");
    }
  }

  @Test
  void commitsOnManyThreadsAreAllInTheFileWhenTheirCallsReturn() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try (Connection setup = open(dir.resolve("db"))) {
      write(setup, "CREATE TABLE t (id VARCHAR PRIMARY KEY)");
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        writers.add(threads.submit(() -> {
          try (Connection c = open(dir.resolve("db"))) {
            for (int i = 0; i < 50; i++) {
              insert(c, thread + "-" + i);
              H2FileWrites.awaitWritten(c);
            }
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      assertThat(rowsOfACopy(dir.resolve("db.mv.db"), dir.resolve("copy"))).hasSize(400);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void inMemoryThereIsNothingToWrite() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:writes-" + System.nanoTime())) {
      assertThat(H2FileWrites.fileStoreOf(c)).isEmpty();
      H2FileWrites.awaitWritten(c);
    }
  }

  private static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + file + ";WRITE_DELAY=60000");
  }

  private static void write(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    H2FileWrites.awaitWritten(c);
  }

  private static void insert(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }

  private static List<String> rowsOfACopy(Path file, Path copy) throws Exception {
    Files.copy(file, Path.of(copy + ".mv.db"));
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT id FROM t ORDER BY id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }
}
