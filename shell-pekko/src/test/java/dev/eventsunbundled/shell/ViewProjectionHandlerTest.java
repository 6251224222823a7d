package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.low.Projector;
import java.util.List;
import java.util.Optional;
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
  private static final int GIVE_UP_AFTER = 2;
  private static ActorTestKit kit;
  private static Database database;
  private static final ViewTable<Customer> TABLE = new ViewTable<>(CustomerProjector.VIEW, false);

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("projection", TestNode.config(TestNode.inMemoryUrl()));
    database = Database.open(ShellSettings.from(kit.system().settings().config()).db());
    Schema.create(kit.system(), database, List.of(CustomerProjector.VIEW));
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

  private static ViewWriter<CustomerEvent, Customer> writer(Projector<CustomerEvent, Customer> projector) {
    return new ViewWriter<>(projector, TABLE, new DeadLetters(false), new EventCodec(kit.system()), GIVE_UP_AFTER);
  }

  private static void project(String name, List<EventEnvelope<Object>> envelopes, Check check) {
    project(name, writer(new CustomerProjector()), envelopes, check);
  }

  private static void project(String name, ViewWriter<CustomerEvent, Customer> writer,
      List<EventEnvelope<Object>> envelopes, Check check) {
    var source = TestSourceProvider.<Offset, EventEnvelope<Object>>create(
        Source.from(envelopes), EventEnvelope::offset);
    var projection = JdbcProjection.groupedWithin(ProjectionId.of(name, "customer-0"), source, database::session,
        () -> new ViewProjectionHandler<>(writer, "customer-0", ShellMetrics.get(kit.system())),
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

  @Test
  void anEventTheProjectorKeepsFailingOnBecomesADeadLetterItsEntitysLaterEventsWaitAndReplayAppliesThem()
      throws Exception {
    PoisonedProjector projector = new PoisonedProjector();
    ViewWriter<CustomerEvent, Customer> writer = writer(projector);
    String poison = "invite-customer|poison@p14n.com";
    project("dead-letters", writer, List.of(
        envelope(poison, 1, new CustomerInvited(UUID.randomUUID(), PoisonedProjector.POISON, "poison@p14n.com")),
        envelope("invite-customer|fine@p14n.com", 1, new CustomerInvited(UUID.randomUUID(), "c-fine", "fine@p14n.com")),
        envelope(poison, 2, new CustomerVerified(UUID.randomUUID(), PoisonedProjector.POISON))), () -> {
          assertThat(row("c-fine").email()).isEqualTo("fine@p14n.com");
          assertThat(letters()).extracting(DeadLetters.Letter::sequenceNr, DeadLetters.Letter::state)
              .containsExactly(tuple(1L, DeadLetters.FAILED), tuple(2L, DeadLetters.WAITING));
        });
    assertThat(letters().get(0).error()).contains("poisoned customer");
    Optional<Customer> poisonRow = database.read(c -> TABLE.find(c, PoisonedProjector.POISON, false));
    assertThat(poisonRow).isEmpty();
    assertThat(progress(poison)).isZero();

    projector.poisoned.set(false);
    int replayed = database.transact(c -> writer.replay(c, poison));

    assertThat(replayed).isEqualTo(2);

    assertThat(row(PoisonedProjector.POISON)).isEqualTo(
        new Customer(PoisonedProjector.POISON, "poison@p14n.com", true, true));
    assertThat(progress(poison)).isEqualTo(2);
    assertThat(letters()).isEmpty();
  }

  @Test
  void discardingDeadLettersLetsTheEntitysLaterEventsFlow() throws Exception {
    ViewWriter<CustomerEvent, Customer> writer = writer(new PoisonedProjector());
    String poison = "verify-customer|" + PoisonedProjector.POISON;
    project("discarded", writer, List.of(
        envelope(poison, 3, new CustomerVerified(UUID.randomUUID(), PoisonedProjector.POISON))),
        () -> assertThat(letters()).extracting(DeadLetters.Letter::persistenceId).contains(poison));

    int discarded = database.transact(c -> writer.discard(c, poison));

    assertThat(discarded).isEqualTo(1);

    assertThat(progress(poison)).isEqualTo(3);
    assertThat(letters()).extracting(DeadLetters.Letter::persistenceId).doesNotContain(poison);
  }

  private static List<DeadLetters.Letter> letters() throws Exception {
    return database.read(c -> new DeadLetters(false).find(c, null, null)).stream()
        .filter(letter -> letter.persistenceId().contains("poison")).toList();
  }
}
