package dev.eventsunbundled;

import static dev.eventsunbundled.Samples.concreteSubtypes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.communication.CommunicateToCustomerHandler;
import dev.eventsunbundled.communication.CommunicationEvent;
import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerNotice.CustomerInviteFailed;
import dev.eventsunbundled.customer.CustomerNotice.InvalidRequest;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.customer.InviteCustomerResolver;
import dev.eventsunbundled.customer.VerifyCustomerHandler;
import dev.eventsunbundled.testkit.InMemoryRuntime;
import dev.eventsunbundled.testkit.Response;
import dev.eventsunbundled.low.Answer;
import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Reply;
import dev.eventsunbundled.low.Resolver;
import dev.eventsunbundled.testkit.SequentialIds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Walks every sealed type's permitted subtypes so that a new subtype without its case fails here. */
class ExhaustivenessTest {

  private static final List<Handler<?, ?, ?, ?>> HANDLERS = List.of(
      new InviteCustomerHandler(), new VerifyCustomerHandler(), new CommunicateToCustomerHandler());
  private static final List<Resolver<?, ?, ?>> RESOLVERS = List.of(new InviteCustomerResolver());

  /** Per consumer of channel customer: does this event make it record one of its own. */
  private static final Map<Class<?>, Boolean> VERIFY_RECORDS = Map.of(
      CustomerInvited.class, true, CustomerVerified.class, false);
  private static final Map<Class<?>, Boolean> COMMUNICATE_RECORDS = Map.of(
      CustomerInvited.class, true, CustomerVerified.class, false);

  /** How the invite resolver answers each notice. */
  private static final Map<Class<?>, Class<?>> NOTICE_ANSWERS = Map.of(
      InvalidRequest.class, Answer.Refuse.class, CustomerInviteFailed.class, Answer.ShowRow.class);

  @Test
  void everyPermittedSubtypeHasASample() {
    Samples.BY_SEALED_TYPE.forEach((sealed, samples) -> {
      assertThat(samples.keySet()).as("samples of %s", sealed.getName())
          .containsExactlyInAnyOrderElementsOf(concreteSubtypes(sealed));
      samples.forEach((type, sample) -> assertThat(sample).isInstanceOf(type));
    });
  }

  @Test
  void everyCommandHasOneHandlerAndOneResolverAndIsDecided() {
    Samples.COMMANDS.values().forEach(command -> {
      assertThat(HANDLERS).as("handlers of %s", command)
          .filteredOn(handler -> handler.meta().readsCommands() && handler.input().isInstance(command)).hasSize(1);
      assertThat(RESOLVERS).as("resolvers of %s", command)
          .filteredOn(resolver -> resolver.request().isInstance(command)).hasSize(1);
    });
    assertThat(execute(new InviteCustomerHandler(), Samples.COMMANDS.get(InviteCustomer.class)).event()).isPresent();
  }

  @Test
  void everyCustomerEventChangesTheCustomerView() {
    CustomerProjector projector = new CustomerProjector();
    Samples.EVENTS.values().forEach(event -> {
      Customer empty = projector.emptyRow(projector.rowKey(event));
      assertThat(projector.project(empty, event)).as("%s projected", event).isNotEqualTo(empty);
    });
  }

  @Test
  void everyConsumerOfChannelCustomerDecidesOnEveryCustomerEvent() {
    assertThat(VERIFY_RECORDS.keySet()).containsExactlyInAnyOrderElementsOf(concreteSubtypes(CustomerEvent.class));
    assertThat(COMMUNICATE_RECORDS.keySet()).containsExactlyInAnyOrderElementsOf(concreteSubtypes(CustomerEvent.class));
    Samples.EVENTS.forEach((type, event) -> {
      assertThat(execute(new VerifyCustomerHandler(), event).event().isPresent())
          .as("verify-customer records on %s", type.getSimpleName()).isEqualTo(VERIFY_RECORDS.get(type));
      assertThat(execute(new CommunicateToCustomerHandler(), event).event().isPresent())
          .as("communicate-to-customer records on %s", type.getSimpleName()).isEqualTo(COMMUNICATE_RECORDS.get(type));
    });
  }

  @Test
  void everyCustomerEventReplaysIntoEveryHandlerRecordingOnChannelCustomer() {
    InviteCustomerHandler invite = new InviteCustomerHandler();
    VerifyCustomerHandler verify = new VerifyCustomerHandler();
    Samples.EVENTS.values().forEach(event -> {
      assertThat(invite.write(invite.emptyState(), event)).as("invite-customer replaying %s", event).isNotNull();
      assertThat(verify.write(verify.emptyState(), event)).as("verify-customer replaying %s", event).isNotNull();
    });
  }

  @Test
  void everyCommunicationEventIsRememberedByTheOutboxSoReplayNeverSendsTwice() {
    CommunicateToCustomerHandler handler = new CommunicateToCustomerHandler();
    Samples.COMMUNICATIONS.values().forEach(event ->
        assertThat(handler.write(handler.emptyState(), event)).as("outbox after %s", event)
            .isNotEqualTo(handler.emptyState()));
  }

  @Test
  void everyNoticeReadsAsASentenceAndIsAnsweredByTheInviteResolver() {
    assertThat(NOTICE_ANSWERS.keySet()).containsExactlyInAnyOrderElementsOf(Samples.NOTICES.keySet());
    Samples.NOTICES.forEach((type, notice) -> {
      assertThat(notice.message()).isNotBlank();
      assertThat(answer(new Reply.Noticed<>(notice))).isInstanceOf(NOTICE_ANSWERS.get(type));
    });
  }

  @Test
  void everyReplyIsAnsweredAndEveryAnswerIsGivenForSomeReply() {
    Set<Class<?>> given = Samples.REPLIES.values().stream()
        .map(reply -> answer(reply).getClass()).collect(Collectors.toSet());

    assertThat(given).containsExactlyInAnyOrderElementsOf(concreteSubtypes(Answer.class));
  }

  @Test
  void everyAnswerCanBeDeliveredByAShell() {
    InMemoryRuntime runtime = new InMemoryRuntime(new SequentialIds())
        .host(new InviteCustomerHandler()).project(new CustomerProjector()).resolve(new InviteCustomerResolver());
    runtime.ask(new InviteCustomer("dean@p14n.com"));

    Samples.ANSWERS.values().forEach(answer -> {
      Response response = runtime.respond("customer", answer);
      assertThat(response.row() != null || response.refusal() != null).as("response to %s", answer).isTrue();
    });
  }

  private static Answer answer(Reply<CustomerEvent> reply) {
    return new InviteCustomerResolver().answer(new InviteCustomer("dean@p14n.com"), reply);
  }

  private static <I, S, D, E> Executor.Outcome<S, E> execute(Handler<I, S, D, E> handler, Object message) {
    return new Executor<>(handler).execute(new SequentialIds(), handler.input().cast(message), handler.emptyState());
  }
}
