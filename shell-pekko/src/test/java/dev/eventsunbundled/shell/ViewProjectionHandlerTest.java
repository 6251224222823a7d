package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerProjector;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.apache.pekko.projection.testkit.javadsl.ProjectionTestKit;
import org.apache.pekko.projection.testkit.javadsl.TestSourceProvider;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The view projection handler in a grouped exactly-once JDBC projection on H2, fed from a test source. */
class ViewProjectionHandlerTest {

  private static final AtomicLong OFFSET = new AtomicLong();
  private static ActorTestKit kit;
  private static Database database;
  private static final ViewTable<Customer> TABLE = new ViewTable<>(CustomerProjector.VIEW, false);

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("projection", TestNode.config(TestNode.inMemoryUrl()));
    database = Database.open(ShellSettings.from(kit.system().settings().config()).db());
    Schema.create(kit.system(), database, List.of(TABLE));
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
    database.close();
  }

  private static EventEnvelope<Object> envelope(String persistenceId, long sequenceNr, CustomerEvent event) {
    return EventEnvelope.create(Offset.sequence(OFFSET.incrementAndGet()), persistenceId, sequenceNr, event, 0L);
  }

  /** An assertion that may read the database. */
  private interface Check {
    void run() throws Exception;
  }

  private static void project(String name, List<EventEnvelope<Object>> envelopes, Check check) {
    var source = TestSourceProvider.<Offset, EventEnvelope<Object>>create(
        Source.from(envelopes), EventEnvelope::offset);
    var projection = JdbcProjection.groupedWithin(ProjectionId.of(name, "customer-0"), source, database::session,
        () -> new ViewProjectionHandler<>(new ViewWriter<>(new CustomerProjector(), TABLE), "customer-0",
            ShellMetrics.get(kit.system())),
        kit.system());
    ProjectionTestKit.create(kit.system()).run(projection, () -> {
      try {
        check.run();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  private static Customer row(String id) throws Exception {
    return database.read(c -> TABLE.find(c, id, false)).orElseThrow();
  }

  private static List<Customer> rowsByEmail(String email) throws Exception {
    return database.read(c -> TABLE.findBy(c, "email", email));
  }

  private static long progress(String persistenceId) throws Exception {
    return database.read(c -> TABLE.progress().appliedUpTo(c, persistenceId));
  }

  @Test
  void invitedThenVerifiedBuildsTheRowAndRecordsProgressPerEntity() {
    project("invited-verified", List.of(
        envelope("invite-customer|a@p14n.com", 1, new CustomerInvited(UUID.randomUUID(), "c-a", "a@p14n.com")),
        envelope("verify-customer|c-a", 2, new CustomerVerified(UUID.randomUUID(), "c-a"))), () -> {
          assertThat(row("c-a")).isEqualTo(new Customer("c-a", "a@p14n.com", true, true));
          assertThat(progress("invite-customer|a@p14n.com")).isEqualTo(1);
          assertThat(progress("verify-customer|c-a")).isEqualTo(2);
        });
  }

  @Test
  void anEventRedeliveredAfterItWasAppliedIsNotAppliedTwice() {
    project("redelivered", List.of(
        envelope("invite-customer|b@p14n.com", 1, new CustomerInvited(UUID.randomUUID(), "c-b", "b@p14n.com")),
        envelope("invite-customer|b@p14n.com", 1, new CustomerInvited(UUID.randomUUID(), "c-b", "changed@p14n.com"))),
        () -> {
          assertThat(row("c-b").email()).isEqualTo("b@p14n.com");
          assertThat(progress("invite-customer|b@p14n.com")).isEqualTo(1);
        });
  }

  @Test
  void rowsAreFoundByAnIndexedColumnAndStoreTextVerbatim() throws Exception {
    String odd = "o'brien+\"; DROP TABLE x;--ünï@p14n.com";
    project("verbatim", List.of(
        envelope("invite-customer|odd", 1, new CustomerInvited(UUID.randomUUID(), "c-odd", odd))), () -> {
          assertThat(rowsByEmail(odd)).extracting(Customer::id)
              .containsExactly("c-odd");
        });
  }
}
