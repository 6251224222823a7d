package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerNotice.CustomerInviteFailed;
import dev.eventsunbundled.customer.CustomerNotice.InvalidRequest;
import dev.eventsunbundled.customer.Invitation;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.customer.VerifyCustomerHandler;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Ids;
import dev.eventsunbundled.shell.EntityState.Handled;
import dev.eventsunbundled.shell.EntityState.Source;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The handler entity on the persistence testkit: every command, event, state and reply also round-trips Jackson. */
class HandlerEntityTest {

  private static final ActorTestKit KIT = ActorTestKit.create(
      EventSourcedBehaviorTestKit.config()
          .withFallback(PersistenceTestKitSnapshotPlugin.config())
          .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))
          .withFallback(ConfigFactory.parseResources("serialization.conf"))
          .withFallback(ConfigFactory.parseResources("deploy.conf"))
          .resolve());

  private static final ShellSettings SETTINGS = ShellSettings.from(KIT.system().settings().config()
      .withFallback(ConfigFactory.parseString("events-unbundled.db {}")));

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  private static EventSourcedBehaviorTestKit<HandlerEntity.Command, Object, EntityState> entity(
      Handler<?, ?, ?, ?> handler, String id) {
    return entity(handler, id, SETTINGS);
  }

  private static EventSourcedBehaviorTestKit<HandlerEntity.Command, Object, EntityState> entity(
      Handler<?, ?, ?, ?> handler, String id, ShellSettings settings) {
    return EventSourcedBehaviorTestKit.create(KIT.system(),
        HandlerEntity.create(PersistenceId.of(handler.meta().name(), id), handler, Ids.system(), settings));
  }

  private static ShellSettings snapshotEvery(int events) {
    return ShellSettings.from(ConfigFactory.parseString("events-unbundled.snapshot-every = " + events)
        .withFallback(KIT.system().settings().config())
        .withFallback(ConfigFactory.parseString("events-unbundled.db {}")));
  }

  private static CommandResultWithReply<HandlerEntity.Command, Object, EntityState, EntityReply> handle(
      EventSourcedBehaviorTestKit<HandlerEntity.Command, Object, EntityState> entity, Object message, Source source) {
    return entity.runCommand(replyTo -> new HandlerEntity.Handle(message, source, replyTo, null, "cid-test",
        "caller-test"));
  }

  private static <T> T eventOfType(CommandResultWithReply<?, Object, ?, ?> result, Class<T> type) {
    return type.cast(result.eventOfType(Traced.class).event());
  }

  @Test
  void recordsTheEventAndRepliesWithItsCausalToken() {
    var entity = entity(new InviteCustomerHandler(), "new@p14n.com");

    var result = handle(entity, new InviteCustomer("new@p14n.com"), null);

    CustomerInvited invited = eventOfType(result, CustomerInvited.class);
    assertThat(result.eventOfType(Traced.class).correlationId()).isEqualTo("cid-test");
    assertThat(result.eventOfType(Traced.class).caller()).as("the audited caller").isEqualTo("caller-test");
    assertThat(result.reply()).isEqualTo(new EntityReply.Recorded(invited, new Token("invite-customer|new@p14n.com", 1)));
    assertThat(((Invitation) result.state().state()).customerId()).isEqualTo(invited.customerId());
  }

  @Test
  void noticeIsRepliedNotPersistedAndCarriesTheLatestToken() {
    var entity = entity(new InviteCustomerHandler(), "dup@p14n.com");
    String id = eventOfType(handle(entity, new InviteCustomer("dup@p14n.com"), null), CustomerInvited.class)
        .customerId();

    var duplicate = handle(entity, new InviteCustomer("dup@p14n.com"), null);

    assertThat(duplicate.hasNoEvents()).isTrue();
    assertThat(duplicate.reply()).isEqualTo(new EntityReply.Noticed(
        new CustomerInviteFailed(id, "Customer already invited"), new Token("invite-customer|dup@p14n.com", 1)));
  }

  @Test
  void invalidRequestIsNoticedWithAnEmptyToken() {
    var entity = entity(new InviteCustomerHandler(), "_");

    var result = handle(entity, new InviteCustomer(""), null);

    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.reply()).isEqualTo(
        new EntityReply.Noticed(new InvalidRequest("Email is required"), new Token("invite-customer|_", 0)));
  }

  @Test
  void channelDeliveryIsDeduplicatedByItsSource() {
    var entity = entity(new VerifyCustomerHandler(), "c-1");
    var invited = new CustomerInvited(UUID.randomUUID(), "c-1", "a@p14n.com");
    Source source = new Source("invite-customer|a@p14n.com", 1);

    var first = handle(entity, invited, source);
    var again = handle(entity, invited, source);

    assertThat(first.events()).as("one journal row: the event names what it answers").hasSize(1);
    assertThat(Traced.handled(first.events().get(0))).isEqualTo(source);
    assertThat(Traced.event(first.events().get(0))).isInstanceOf(CustomerVerified.class);
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(again.reply()).isInstanceOf(EntityReply.Unchanged.class);
  }

  @Test
  void aJournalWithTheOlderSeparateHandledMarkerStillDeduplicates() {
    var entity = entity(new VerifyCustomerHandler(), "c-old");
    var invited = new CustomerInvited(UUID.randomUUID(), "c-old", "old@p14n.com");
    Source source = new Source("invite-customer|old@p14n.com", 1);
    entity.persistenceTestKit().persistForRecovery("verify-customer|c-old",
        List.of(new Handled(source), new Traced(new CustomerVerified(invited.eventId(), "c-old"), "cid-old")));
    entity.restart();

    var again = handle(entity, invited, source);

    assertThat(again.hasNoEvents()).isTrue();
    assertThat(again.reply()).isEqualTo(new EntityReply.Unchanged(new Token("verify-customer|c-old", 2)));
  }

  @Test
  void aHandlerThatThrowsIsAnsweredAsFailedAndRecordsNothing() {
    var entity = entity(new PoisonedVerifyHandler(), "c-poison");
    var invited = new CustomerInvited(UUID.randomUUID(), "c-poison", "poison@p14n.com");

    var result = handle(entity, invited, new Source("invite-customer|poison@p14n.com", 1));

    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.reply()).isInstanceOfSatisfying(EntityReply.Failed.class,
        failed -> assertThat(failed.error()).contains("poisoned invitation of poison@p14n.com"));
  }

  @Test
  void recoveryRebuildsTheStateByReplayingWrite() {
    var entity = entity(new InviteCustomerHandler(), "replay@p14n.com");
    String id = eventOfType(handle(entity, new InviteCustomer("replay@p14n.com"), null), CustomerInvited.class)
        .customerId();

    entity.restart();

    var duplicate = handle(entity, new InviteCustomer("replay@p14n.com"), null);
    assertThat(((EntityReply.Noticed) duplicate.reply()).notice()).isEqualTo(
        new CustomerInviteFailed(id, "Customer already invited"));
  }

  @Test
  void eachEventIsPushedOnceCommittedWithItsSequenceNumberAndItsPredecessorOnTheTag() {
    List<Pushed> pushed = new CopyOnWriteArrayList<>();
    PersistenceId id = PersistenceId.of("tick", "clock");
    var entity = EventSourcedBehaviorTestKit.<HandlerEntity.Command, Object, EntityState>create(KIT.system(),
        HandlerEntity.create(id, new TickHandler(), Ids.system(), SETTINGS, pushed::add));
    Source upstream = new Source("upstream|1", 7);

    handle(entity, new TickHandler.Tick(), null);
    handle(entity, new TickHandler.Tick(), upstream);
    handle(entity, new TickHandler.Tick(), upstream);
    entity.restart();
    handle(entity, new TickHandler.Tick(), null);

    assertThat(pushed).extracting(Pushed::sequenceNr, Pushed::previous)
        .containsExactly(tuple(1L, 0L), tuple(2L, 1L), tuple(3L, 2L));
    assertThat(pushed).extracting(Pushed::tag).containsOnly(
        new ChannelTags("ticks", SETTINGS.tagsPerChannel()).tagFor(id.id()));
    assertThat(pushed).extracting(Pushed::event).containsExactly(
        new TickHandler.Ticked(1), new TickHandler.Ticked(2), new TickHandler.Ticked(3));
    assertThat(pushed).extracting(Pushed::correlationId).containsOnly("cid-test");
  }

  @Test
  void aRequestThatArrivesWhileTheJournalFailsIsHandledOnceTheEntityHasRecovered() {
    PersistenceTestKit journal = PersistenceTestKit.create(KIT.system());
    journal.failNextNReads("invite-customer|late@p14n.com", 2);
    var entity = KIT.spawn(HandlerEntity.create(PersistenceId.of("invite-customer", "late@p14n.com"),
        new InviteCustomerHandler(), Ids.system(), SETTINGS));
    TestProbe<EntityReply> reply = KIT.createTestProbe();

    entity.tell(new HandlerEntity.Handle(new InviteCustomer("late@p14n.com"), null, reply.ref()));

    assertThat(reply.expectMessageClass(EntityReply.Recorded.class, Duration.ofSeconds(10)).event())
        .as("the command stashed while recovery failed, handled after the restart")
        .isInstanceOf(CustomerInvited.class);
  }

  @Test
  void messagesOfAnotherTypeAreIgnored() {
    var entity = entity(new InviteCustomerHandler(), "x@p14n.com");

    var result = handle(entity, new CustomerVerified(UUID.randomUUID(), "c-9"), null);

    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.reply()).isInstanceOf(EntityReply.Unchanged.class);
  }

  @Test
  void byDefaultAnEntityTakesNoSnapshotsAndStartsWithoutAskingTheSnapshotStore() {
    var entity = entity(new TickHandler(), "no-snapshots");
    for (int i = 0; i < 3; i++) {
      handle(entity, new TickHandler.Tick(), null);
    }
    var snapshots = entity.snapshotTestKit().orElseThrow();
    snapshots.failNextNReads("tick|no-snapshots", 10);

    entity.restart();

    assertThat(snapshots.persistedInStorage("tick|no-snapshots")).isEmpty();
    assertThat(eventOfType(handle(entity, new TickHandler.Tick(), null), TickHandler.Ticked.class))
        .as("recovered from its three events alone").isEqualTo(new TickHandler.Ticked(4));
  }

  @Test
  void withSnapshotEveryAnEntitySnapshotsAndRecoversFromTheLatest() {
    var entity = entity(new TickHandler(), "snapshots", snapshotEvery(2));
    for (int i = 0; i < 5; i++) {
      handle(entity, new TickHandler.Tick(), null);
    }
    var snapshots = entity.snapshotTestKit().orElseThrow();
    assertThat(snapshots.persistedInStorage("tick|snapshots")).extracting(pair -> pair.first().sequenceNr())
        .containsExactly(2L, 4L);

    entity.restart();

    assertThat(eventOfType(handle(entity, new TickHandler.Tick(), null), TickHandler.Ticked.class))
        .isEqualTo(new TickHandler.Ticked(6));
  }
}
