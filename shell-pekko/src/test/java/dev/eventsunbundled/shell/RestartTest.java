package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.communication.CommunicateToCustomerHandler;
import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.customer.VerifyCustomerHandler;
import dev.eventsunbundled.shell.TallyProjector.Tally;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node stopped and started again on the same H2 file keeps its entities, views and projection offsets. */
class RestartTest {

  @TempDir
  Path dataDir;

  static Functions functions() {
    return new Functions(
        List.of(new InviteCustomerHandler(), new VerifyCustomerHandler(), new CommunicateToCustomerHandler()),
        List.of(new CustomerProjector(), new TallyProjector()),
        List.of(TestNode.INVITE));
  }

  private static Customer invite(TestNode.Started node, String email) throws Exception {
    return node.shell().resolve(TestNode.INVITE, new InviteCustomer(email), "restart").toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static void awaitSettled(TestNode.Started node, List<String> ids) {
    node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(15), () -> {
      for (String id : ids) {
        Customer row = node.shell().row(CustomerProjector.VIEW, id).toCompletableFuture().join().orElseThrow();
        assertThat(row.verified()).as("verified %s", id).isTrue();
        Tally tally = node.shell().row(TallyProjector.VIEW, id).toCompletableFuture().join().orElseThrow();
        assertThat(tally.applied()).as("events applied for %s", id).isEqualTo(2);
      }
      return null;
    });
  }

  @Test
  void restartKeepsDuplicatesDetectedViewsIntactAndAppliesNoEventTwice() throws Exception {
    String url = TestNode.fileUrl(dataDir);
    List<String> before = new ArrayList<>();
    TestNode.Started first = TestNode.start(url, functions());
    for (int i = 0; i < 3; i++) {
      before.add(invite(first, "before" + i + "@p14n.com").id());
    }
    awaitSettled(first, before);
    first.kit().shutdownTestKit();

    TestNode.Started second = TestNode.start(url, functions());
    try {
      assertThat(invite(second, "before0@p14n.com").id()).isEqualTo(before.get(0));
      List<String> all = new ArrayList<>(before);
      all.add(invite(second, "after@p14n.com").id());
      awaitSettled(second, all);
      assertThat(second.shell().row(CustomerProjector.VIEW, before.get(1)).toCompletableFuture().join())
          .hasValueSatisfying(c -> assertThat(c.email()).isEqualTo("before1@p14n.com"));
    } finally {
      second.kit().shutdownTestKit();
    }
  }
}
