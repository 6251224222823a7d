package dev.eventsunbundled.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.IntegrityViolation;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Notice;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.Refusal;
import dev.eventsunbundled.low.View;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The given/when/then scenarios pass when the function does what they say, and fail naming what it did. */
class ScenarioTest {

  record Deposit(String account, long amount) {}

  record Deposited(String account, long amount) {}

  record Balance(long amount) {}

  record TooSmall(String message) implements Notice {}

  record AccountRow(String account, long balance) {}

  /** Deposits of at least 1; a balance above 100 is refused by write. */
  static final class Bank implements Handler<Deposit, Balance, Balance, Deposited> {
    public Meta meta() {
      return Meta.of("deposit", List.of(Meta.COMMANDS), "bank");
    }

    public Class<Deposit> input() {
      return Deposit.class;
    }

    public String entityKey(Deposit message) {
      return message.account();
    }

    public Balance emptyState() {
      return new Balance(0);
    }

    public Balance lookup(Context ctx, Deposit message, Balance state) {
      return state;
    }

    public Optional<Deposited> operate(Context ctx, Deposit message, Balance balance) {
      if (message.amount() < 1) {
        ctx.notify(new TooSmall("A deposit is at least 1"));
        return Optional.empty();
      }
      return Optional.of(new Deposited(message.account(), message.amount()));
    }

    public Balance write(Balance state, Deposited event) {
      if (state.amount() + event.amount() > 100) {
        throw new IntegrityViolation("A balance is at most 100");
      }
      return new Balance(state.amount() + event.amount());
    }
  }

  static final class Accounts implements Projector<Deposited, AccountRow> {
    public Meta meta() {
      return Meta.of("project-accounts", List.of("bank"), "accounts");
    }

    public Class<Deposited> input() {
      return Deposited.class;
    }

    public View<AccountRow> view() {
      return new View<>("accounts", AccountRow.class, "account", List.of());
    }

    public String rowKey(Deposited event) {
      return event.account();
    }

    public AccountRow emptyRow(String key) {
      return new AccountRow(key, 0);
    }

    public AccountRow project(AccountRow row, Deposited event) {
      return new AccountRow(row.account(), row.balance() + event.amount());
    }
  }

  @Test
  void aHandlerScenarioChecksTheEventTheReplyAndTheState() {
    HandlerScenario.of(new Bank())
        .given(new Deposited("a", 40))
        .when(new Deposit("a", 2))
        .recorded(new Deposited("a", 2))
        .state(new Balance(42));

    HandlerScenario.of(new Bank()).givenHandled(new Deposit("a", 90))
        .when(new Deposit("a", 20))
        .recordedNothing()
        .noticed(new Refusal("A balance is at most 100"))
        .state(new Balance(90));
  }

  @Test
  void aFailedExpectationSaysWhatTheHandlerDid() {
    assertThatThrownBy(() -> HandlerScenario.of(new Bank()).when(new Deposit("a", 0)).recorded(new Deposited("a", 0)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected recorded Deposited[account=a, amount=0]")
        .hasMessageContaining("TooSmall[message=A deposit is at least 1]");
    assertThatThrownBy(() -> HandlerScenario.of(new Bank()).when(new Deposit("a", 0)).noticeSays("at most"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aProjectorScenarioFoldsEventsIntoRows() {
    ProjectorScenario<Deposited, AccountRow> scenario = ProjectorScenario.of(new Accounts())
        .given(new Deposited("a", 1), new Deposited("b", 5), new Deposited("a", 2))
        .expectRow("a", new AccountRow("a", 3));

    assertThat(scenario.row("b")).contains(new AccountRow("b", 5));
    assertThatThrownBy(() -> scenario.expectRow("b", new AccountRow("b", 6))).isInstanceOf(AssertionError.class);
  }
}
