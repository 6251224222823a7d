package dev.eventsunbundled.customer;

import static dev.eventsunbundled.testkit.SequentialIds.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerNotice.CustomerInviteFailed;
import dev.eventsunbundled.customer.CustomerNotice.InvalidRequest;
import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Executor.Outcome;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.testkit.SequentialIds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** invite-customer: a new email is invited once; anything else is answered with a notice and records nothing. */
class InviteCustomerHandlerTest {

  private static final String DEAN = "dean@p14n.com";

  private final InviteCustomerHandler handler = new InviteCustomerHandler();
  private final Executor<InviteCustomer, Invitation, Invitation, CustomerEvent> executor = new Executor<>(handler);
  private final SequentialIds ids = new SequentialIds();

  private Outcome<Invitation, CustomerEvent> invite(String email, Invitation given) {
    return executor.execute(ids, new InviteCustomer(email), given);
  }

  @Test
  void newEmailIsInvitedAsANewCustomerWithTheNormalizedEmail() {
    Outcome<Invitation, CustomerEvent> outcome = invite("  Dean@P14N.com ", handler.emptyState());

    assertThat(outcome.event()).contains(new CustomerInvited(uuid(2), uuid(1).toString(), DEAN, SequentialIds.NOW));
    assertThat(outcome.notices()).isEmpty();
    assertThat(outcome.state()).isEqualTo(new Invitation(uuid(1).toString(), DEAN));
  }

  @Test
  void duplicateInviteAnswersTheExistingCustomer() {
    Invitation given = invite(DEAN, handler.emptyState()).state();

    Outcome<Invitation, CustomerEvent> outcome = invite(DEAN, given);

    assertThat(outcome.event()).isEmpty();
    assertThat(outcome.notices())
        .containsExactly(new CustomerInviteFailed(uuid(1).toString(), "Customer already invited"));
    assertThat(outcome.state()).isSameAs(given);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEAN@p14n.com", "  dean@P14N.COM\t"})
  void duplicateInviteIsRecognisedWhateverTheCaseAndPadding(String sameEmail) {
    Invitation given = invite(DEAN, handler.emptyState()).state();

    assertThat(handler.entityKey(new InviteCustomer(sameEmail))).isEqualTo(handler.entityKey(new InviteCustomer(DEAN)));
    assertThat(invite(sameEmail, given).notices())
        .containsExactly(new CustomerInviteFailed(uuid(1).toString(), InviteCustomerHandler.ALREADY_INVITED));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n"})
  void missingEmailIsRefusedAsRequired(String email) {
    Outcome<Invitation, CustomerEvent> outcome = invite(email, handler.emptyState());

    assertThat(outcome.event()).isEmpty();
    assertThat(outcome.notices()).containsExactly(new InvalidRequest("Email is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dean", "dean@", "@p14n.com", "dean@p14n", "dean p@p14n.com", "dean@@p14n.com",
      "dean@p14n..com", "dean@-p14n.com", "dean@p14n.com.", "<dean@p14n.com>", ".dean@p14n.com", "dean.@p14n.com",
      "de..an@p14n.com"})
  void syntacticallyInvalidEmailIsRefused(String email) {
    Outcome<Invitation, CustomerEvent> outcome = invite(email, handler.emptyState());

    assertThat(outcome.event()).isEmpty();
    assertThat(outcome.notices()).containsExactly(new InvalidRequest("Email is not a valid address"));
  }

  @Test
  void overLongEmailIsRefused() {
    Outcome<Invitation, CustomerEvent> outcome = invite(emailOfLength(255), handler.emptyState());

    assertThat(outcome.event()).isEmpty();
    assertThat(outcome.notices()).containsExactly(new InvalidRequest("Email must be at most 254 characters"));
  }

  @Test
  void emailOfTheMaximumLengthIsInvited() {
    String longest = emailOfLength(254);

    assertThat(invite(longest, handler.emptyState()).event())
        .hasValueSatisfying(event -> assertThat(((CustomerInvited) event).email()).isEqualTo(longest));
  }

  @Test
  void invitationFailedNoticeReadsAsItsReason() {
    assertThat(new CustomerInviteFailed("c-1", "Customer already invited").message())
        .isEqualTo("Customer already invited");
  }

  @Test
  void readsCommandsAndRecordsOnChannelCustomer() {
    assertThat(handler.meta()).isEqualTo(Meta.of("invite-customer", List.of(Meta.COMMANDS), "customer"));
    assertThat(handler.input()).isEqualTo(InviteCustomer.class);
  }

  /** A valid address of exactly {@code length} characters: 64-character local part, labels of at most 63. */
  private static String emailOfLength(int length) {
    String local = "d".repeat(64);
    String domainStart = "a".repeat(63) + "." + "b".repeat(63) + ".";
    int lastLabel = length - local.length() - 1 - domainStart.length() - ".com".length();
    return local + "@" + domainStart + "c".repeat(lastLabel) + ".com";
  }
}
