package dev.eventsunbundled.customer;

import static dev.eventsunbundled.testkit.SequentialIds.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerNotice.CustomerInviteFailed;
import dev.eventsunbundled.customer.CustomerNotice.InvalidRequest;
import dev.eventsunbundled.low.Answer;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Refusal;
import dev.eventsunbundled.low.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** invite-responder: answers InviteCustomer with the customer's row, or refuses with the handler's notice. */
class InviteCustomerResolverTest {

  private static final InviteCustomer REQUEST = new InviteCustomer("dean@p14n.com");

  private final InviteCustomerResolver resolver = new InviteCustomerResolver();

  private Answer answer(Reply<CustomerEvent> reply) {
    return resolver.answer(REQUEST, reply);
  }

  @Test
  void anUnusableEmailIsRefusedAtTheEdgeAndAGoodOneGoesThrough() {
    assertThat(resolver.problem(new InviteCustomer(""))).contains("Email is required");
    assertThat(resolver.problem(new InviteCustomer("a\u202Eb@example.com"))).hasValueSatisfying(
        message -> assertThat(message).contains("U+202E"));
    assertThat(resolver.problem(REQUEST)).isEmpty();
  }

  @Test
  void recordedInvitationIsAnsweredWithTheNewCustomersRow() {
    Reply<CustomerEvent> recorded = new Reply.Recorded<>(new CustomerInvited(uuid(2), "c-new", "dean@p14n.com"));

    assertThat(answer(recorded)).isEqualTo(new Answer.ShowRow("c-new"));
  }

  @Test
  void duplicateInviteAnswersTheExistingCustomer() {
    Reply<CustomerEvent> failed = new Reply.Noticed<>(new CustomerInviteFailed("c-old", "Customer already invited"));

    assertThat(answer(failed)).isEqualTo(new Answer.ShowRow("c-old"));
  }

  @Test
  void invalidRequestIsRefusedWithItsMessage() {
    assertThat(answer(new Reply.Noticed<>(new InvalidRequest("Email is required"))))
        .isEqualTo(new Answer.Refuse("Email is required"));
  }

  @Test
  void refusedWriteIsRefusedWithItsMessage() {
    assertThat(answer(new Reply.Noticed<>(new Refusal("dean@p14n.com is already invited as customer c-1"))))
        .isEqualTo(new Answer.Refuse("dean@p14n.com is already invited as customer c-1"));
  }

  @Test
  void requestThatRecordedNoInvitationIsRefused() {
    assertThat(answer(new Reply.Unchanged<>())).isEqualTo(new Answer.Refuse("The invitation was not recorded"));
    assertThat(answer(new Reply.Recorded<>(new CustomerVerified(uuid(3), "c-1"))))
        .isEqualTo(new Answer.Refuse("The invitation was not recorded"));
  }

  @Test
  void resolvesInviteCustomerFromInviteCustomerHandlerThroughTheCustomerView() {
    assertThat(resolver.meta()).isEqualTo(Meta.of("InviteCustomer", List.of("invite-customer"), "customer"));
    assertThat(resolver.request()).isEqualTo(InviteCustomer.class);
  }
}
