package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hole in the journal's ordering holds new events back only while an insert that could fill it is in flight.
 * Push is off here, so events reach the view through the read journal only. Without a proof the read journal
 * would wait for every hole here for 20 s (max-tries × query-delay), far longer than the 2 s a request may wait
 * for its projected answer.
 */
class JournalHolesTest {

  private static final String INSERT = "INSERT INTO \"event_journal\" (\"deleted\", \"persistence_id\","
      + " \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\","
      + " \"event_ser_id\", \"event_ser_manifest\") VALUES (FALSE, ?, 1, 'test', 0, '', ?, 1, '')";
  private static final String CONFIG = "events-unbundled.resolve-timeout = 2s\n"
      + "events-unbundled.push.enabled = off\n"
      + "jdbc-read-journal.refresh-interval = 50ms\n"
      + "jdbc-read-journal.journal-sequence-retrieval.query-delay = 50ms\n"
      + "jdbc-read-journal.journal-sequence-retrieval.max-tries = 400\n";

  private String url;
  private TestNode.Started node;

  @BeforeEach
  void start() throws Exception {
    url = TestNode.inMemoryUrl();
    node = TestNode.start(TestNode.config(url, CONFIG), TestNode.customerFunctions());
    node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(30), () -> {
      assertThat(catchThrowable(() -> invite("warm-up@p14n.com"))).as("a warm-up invite fails").isNull();
      return null;
    });
  }

  @AfterEach
  void stop() {
    node.kit().shutdownTestKit();
  }

  @Test
  void aHoleLeftByARolledBackInsertDoesNotHoldNewEventsBack() throws Exception {
    try (Connection writer = openWriter()) {
      insertJournalRow(writer);
      writer.rollback();
    }

    Customer customer = invite("after-rollback@p14n.com");

    assertThat(customer.invited()).isTrue();
  }

  @Test
  void anInsertInFlightHoldsLaterEventsBackUntilItEnds() throws Exception {
    JournalWrites writes = JournalWrites.get(node.kit().system().classicSystem());
    long began = writes.begin();
    try (Connection writer = openWriter()) {
      insertJournalRow(writer);

      Throwable held = catchThrowable(() -> invite("behind-hole@p14n.com"));
      assertThat(held).isInstanceOf(ResolveTimeout.class);

      writer.commit();
    } finally {
      writes.end(began);
    }
    node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      assertThat(node.shell().rows(CustomerProjector.VIEW, "email", "behind-hole@p14n.com").toCompletableFuture()
          .join()).hasSize(1);
      return null;
    });
  }

  private Customer invite(String email) throws Exception {
    try {
      return node.shell().resolve(TestNode.INVITE, new InviteCustomer(email), "holes").toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private Connection openWriter() throws Exception {
    Connection connection = url.startsWith("jdbc:postgresql:")
        ? DriverManager.getConnection(url, "postgres", "")
        : DriverManager.getConnection(url, "sa", "");
    connection.setAutoCommit(false);
    return connection;
  }

  private static void insertJournalRow(Connection writer) throws Exception {
    try (PreparedStatement insert = writer.prepareStatement(INSERT)) {
      insert.setString(1, "hole|" + UUID.randomUUID());
      insert.setBytes(2, new byte[] {0});
      insert.executeUpdate();
    }
  }
}
