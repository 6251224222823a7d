package dev.eventsunbundled.shell;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Group commit for an embedded H2 file: {@link #awaitWritten} returns once everything committed on the database
 * before the call is in the file, and one write of H2's store serves every caller that asked meanwhile. With a
 * write delay, H2 itself writes a transaction's changes only later (a kill could take them back); the journal,
 * the pushed views whose watchers answer requests, and the operator's transactions wait here instead, so what is
 * answered survives the process, while many commits share one file write. What needs no answer (a polled view
 * group and its offset, rebuilt from the journal if lost) rides on the next write. Nothing to do on PostgreSQL or
 * in memory.
 */
final class H2FileWrites {

  /** Per store; a value holds no reference to its store, so a closed store leaves the map. */
  private static final Map<MVStore, H2FileWrites> BY_STORE = Collections.synchronizedMap(new WeakHashMap<>());

  private long requested;
  private long written;
  private boolean writing;

  /** Blocks until what was committed on {@code connection}'s database before this call is in the file. */
  static void awaitWritten(Connection connection) throws SQLException {
    Optional<MVStore> store = fileStoreOf(connection);
    if (store.isPresent()) {
      BY_STORE.computeIfAbsent(store.get(), closed -> new H2FileWrites()).awaitWritten(store.get());
    }
  }

  /** The store of an embedded H2 file database; empty on PostgreSQL and in memory. */
  static Optional<MVStore> fileStoreOf(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      return Optional.empty();
    }
    MVStore store = session.getDatabase().getStore().getMvStore();
    return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
  }

  /** One caller writes the store for every caller whose commit came before the write began; the others wait. */
  private void awaitWritten(MVStore store) {
    long ticket;
    synchronized (this) {
      ticket = ++requested;
    }
    while (true) {
      long upTo;
      synchronized (this) {
        while (writing && written < ticket) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while H2 wrote its file", e);
          }
        }
        if (written >= ticket) {
          return;
        }
        writing = true;
        upTo = requested;
      }
      boolean done = false;
      try {
        store.commit();
        done = true;
      } finally {
        synchronized (this) {
          writing = false;
          if (done) {
            written = Math.max(written, upTo);
          }
          notifyAll();
        }
      }
    }
  }
}
