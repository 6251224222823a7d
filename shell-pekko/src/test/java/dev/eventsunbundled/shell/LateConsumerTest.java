package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.shell.TallyProjector.Tally;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one cluster: the events are pushed while no node runs the projections (nobody to push to); the
 * node that runs them joins later and its projections catch up from the journal, so the waiting request is
 * answered, each event applied once.
 */
class LateConsumerTest {

  private static final String LAYOUT = "events-unbundled.layout { writer = [http, write], reader = [read] }\n"
      + "events-unbundled.resolve-timeout = 60s\n";

  @Test
  void aProjectionStartedAfterTheEventsWerePushedCatchesUpFromTheJournal() throws Exception {
    String url = TestNode.inMemoryUrl();
    ActorTestKit writer = ActorTestKit.create("node", TestNode.config(url, LAYOUT + "pekko.cluster.roles = [http, write]"));
    ActorTestKit reader = null;
    try {
      Cluster writerCluster = Cluster.get(writer.system());
      writerCluster.manager().tell(Join.create(writerCluster.selfMember().address()));
      Unbundled writerShell = Unbundled.start(writer.system(), RestartTest.functions());
      CompletableFuture<Customer> first = writerShell.resolve(TestNode.INVITE, new InviteCustomer("early@p14n.com"), "late")
          .toCompletableFuture();
      CompletableFuture<Customer> second = writerShell.resolve(TestNode.INVITE, new InviteCustomer("early2@p14n.com"),
          "late").toCompletableFuture();
      writer.createTestProbe().awaitAssert(Duration.ofSeconds(30), () -> {
        assertThat(Journal.eventsOnChannel(writer.system(), "customer", 4)).hasSizeGreaterThanOrEqualTo(2);
        return null;
      });
      assertThat(first).isNotDone();

      reader = ActorTestKit.create("node", TestNode.config(url, LAYOUT + "pekko.cluster.roles = [read]"));
      Cluster.get(reader.system()).manager().tell(Join.create(writerCluster.selfMember().address()));
      Unbundled.start(reader.system(), RestartTest.functions());

      Customer early = first.get(60, TimeUnit.SECONDS);
      assertThat(early.invited()).isTrue();
      assertThat(second.get(60, TimeUnit.SECONDS).invited()).isTrue();
      writer.createTestProbe().awaitAssert(Duration.ofSeconds(30), () -> {
        assertThat(writerShell.row(TallyProjector.VIEW, early.id()).toCompletableFuture().join().map(Tally::applied))
            .contains(2L);
        return null;
      });
    } finally {
      if (reader != null) {
        reader.shutdownTestKit();
      }
      writer.shutdownTestKit();
    }
  }
}
