package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.shell.DeadLetterOffice.Entry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A handler that keeps failing on one event of a channel: the event becomes a dead letter of that channel's
 * consumer, the rest of the channel keeps flowing, and a replay (once the handler is fixed) delivers it.
 */
class ChannelDeadLetterTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CONSUMER = "verify-customer-from-customer";

  @Test
  void aPoisonedEventIsPutAsideTheChannelFlowsAndReplayDeliversIt() throws Exception {
    PoisonedVerifyHandler.POISONED.set(true);
    Functions functions = new Functions(List.of(new InviteCustomerHandler(), new PoisonedVerifyHandler()),
        List.of(new CustomerProjector()), List.of(TestNode.INVITE));
    TestNode.Started node = TestNode.start(TestNode.config(TestNode.inMemoryUrl(),
        "events-unbundled.dead-letters.give-up-after = 2"), functions);
    try {
      Customer poisoned = invite(node, "poison@p14n.com");
      Customer fine = invite(node, "fine@p14n.com");
      DeadLetterOffice office = DeadLetterOffice.get(node.kit().system());
      String poisonedId = "invite-customer|" + Entities.get(node.kit().system()).id("poison@p14n.com");

      await().atMost(WAIT).untilAsserted(() -> assertThat(row(node, fine.id())).hasValueSatisfying(
          customer -> assertThat(customer.verified()).isTrue()));
      await().atMost(WAIT).untilAsserted(() -> assertThat(letters(office)).singleElement().satisfies(letter -> {
        assertThat(letter.persistenceId()).isEqualTo(poisonedId);
        assertThat(letter.state()).isEqualTo(DeadLetters.FAILED);
      }));
      assertThat(row(node, poisoned.id()).orElseThrow().verified()).isFalse();

      PoisonedVerifyHandler.POISONED.set(false);
      int replayed = office.replay(CONSUMER, poisonedId).toCompletableFuture()
          .get(30, TimeUnit.SECONDS);

      assertThat(replayed).isEqualTo(1);
      assertThat(letters(office)).isEmpty();
      await().atMost(WAIT).untilAsserted(() -> assertThat(row(node, poisoned.id()).orElseThrow().verified()).isTrue());
    } finally {
      PoisonedVerifyHandler.POISONED.set(true);
      node.kit().shutdownTestKit();
    }
  }

  private static Customer invite(TestNode.Started node, String email) throws Exception {
    return node.shell().resolve(TestNode.INVITE, new InviteCustomer(email), "dead-letter-test").toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static Optional<Customer> row(TestNode.Started node, String id) throws Exception {
    return node.shell().row(CustomerProjector.VIEW, id).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static List<Entry> letters(DeadLetterOffice office) throws Exception {
    return office.list().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
        .filter(letter -> letter.consumer().equals(CONSUMER)).toList();
  }
}
