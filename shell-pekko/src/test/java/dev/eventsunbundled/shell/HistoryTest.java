package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerProjector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A row's history and its state as of an instant, read from the journal and folded through its projector. */
class HistoryTest {

  @Test
  void aCustomersHistoryAndItsStateBeforeAtAndAfterTheInviteAndTheVerification() throws Exception {
    TestNode.Started node = TestNode.start(TestNode.inMemoryUrl(), RestartTest.functions());
    try {
      Customer invited = node.shell().resolve(TestNode.INVITE, new InviteCustomer("history@p14n.com"), "cid-history",
          "tester").toCompletableFuture().get(30, TimeUnit.SECONDS);
      String id = invited.id();
      node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(30), () -> {
        assertThat(history(node, id)).hasSize(2);
        return null;
      });

      List<HistoryEntry> history = history(node, id);
      HistoryEntry invite = history.get(0);
      HistoryEntry verify = history.get(1);
      assertThat(invite.event()).isInstanceOf(CustomerInvited.class);
      assertThat(invite.persistenceId())
          .isEqualTo("invite-customer|" + Entities.get(node.kit().system()).id("history@p14n.com"));
      assertThat(invite.correlationId()).isEqualTo("cid-history");
      assertThat(invite.caller()).isEqualTo("tester");
      assertThat(verify.event()).isInstanceOf(CustomerVerified.class);
      assertThat(verify.at()).isAfterOrEqualTo(invite.at());

      assertThat(asOf(node, id, invite.at().minusMillis(1))).as("before the invite").isEmpty();
      Customer atInvite = asOf(node, id, invite.at()).orElseThrow();
      assertThat(atInvite.invited()).isTrue();
      assertThat(atInvite.email()).isEqualTo("history@p14n.com");
      assertThat(atInvite.verified()).as("at the invite").isEqualTo(verify.at().equals(invite.at()));
      assertThat(asOf(node, id, verify.at()).orElseThrow().verified()).as("at the verification").isTrue();
      assertThat(asOf(node, id, Instant.now())).as("now, as the view says")
          .isEqualTo(node.shell().row(CustomerProjector.VIEW, id).toCompletableFuture().get(10, TimeUnit.SECONDS));
      assertThat(history(node, "no-such-customer")).isEmpty();
    } finally {
      node.kit().shutdownTestKit();
    }
  }

  private static List<HistoryEntry> history(TestNode.Started node, String id) throws Exception {
    return node.shell().history(CustomerProjector.VIEW, id).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Optional<Customer> asOf(TestNode.Started node, String id, Instant at) throws Exception {
    return node.shell().rowAsOf(CustomerProjector.VIEW, id, at).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
