package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.communication.CommunicationEvent.InvitationEmailQueued;
import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.shell.TallyProjector.Tally;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Pushed events dropped, duplicated and reordered at random while invites run concurrently: every answer comes
 * (the journal delivers what the push lost), every view row is applied exactly once, every channel effect
 * happens once, nothing is missing.
 */
class PushChaosTest {

  private static final int INVITES = 40;
  private static final String CHAOS = "events-unbundled.push.chaos { drop = 0.3, duplicate = 0.3, max-delay = 20ms }";

  @Test
  void droppedDuplicatedAndReorderedPushesLoseNothingAndApplyNothingTwice() throws Exception {
    TestNode.Started node = TestNode.start(TestNode.config(TestNode.inMemoryUrl(), CHAOS), RestartTest.functions());
    try {
      List<CompletableFuture<Customer>> answers = IntStream.range(0, INVITES)
          .mapToObj(i -> node.shell().resolve(TestNode.INVITE, new InviteCustomer("chaos" + i + "@p14n.com"), "chaos")
              .toCompletableFuture())
          .toList();
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      List<String> ids = answers.stream().map(CompletableFuture::join).map(Customer::id).toList();
      assertThat(ids).doesNotHaveDuplicates().hasSize(INVITES);

      node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(30), () -> {
        for (String id : ids) {
          assertThat(node.shell().row(CustomerProjector.VIEW, id).toCompletableFuture().join())
              .hasValueSatisfying(customer -> assertThat(customer.verified()).as("verified %s", id).isTrue());
          assertThat(node.shell().row(TallyProjector.VIEW, id).toCompletableFuture().join().map(Tally::applied))
              .as("events the tally view applied for %s", id).contains(2L);
        }
        return null;
      });
      Map<String, Long> verified = count(Journal.eventsOnChannel(node.kit().system(), "customer", 4),
          CustomerVerified.class, CustomerEvent::customerId);
      Map<String, Long> queued = count(Journal.eventsOnChannel(node.kit().system(), "communication", 4),
          InvitationEmailQueued.class, InvitationEmailQueued::customerId);
      assertThat(verified).containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).as("verified %s", id).isEqualTo(1));
      assertThat(queued).containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).as("emails for %s", id).isEqualTo(1));
    } finally {
      node.kit().shutdownTestKit();
    }
  }

  @Test
  void pushesBeyondAConsumersBoundAreLeftToTheJournalAndStillAppliedOnce() throws Exception {
    TestNode.Started node = TestNode.start(
        TestNode.config(TestNode.inMemoryUrl(), "events-unbundled.push.max-waiting = 1"), RestartTest.functions());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ShellMetrics.get(node.kit().system()).registry().add(meters);
    try {
      List<CompletableFuture<Customer>> answers = IntStream.range(0, INVITES)
          .mapToObj(i -> node.shell().resolve(TestNode.INVITE, new InviteCustomer("bound" + i + "@p14n.com"), "bound")
              .toCompletableFuture())
          .toList();
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      List<String> ids = answers.stream().map(CompletableFuture::join).map(Customer::id).toList();
      node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(30), () -> {
        for (String id : ids) {
          assertThat(node.shell().row(TallyProjector.VIEW, id).toCompletableFuture().join().map(Tally::applied))
              .as("events the tally view applied for %s", id).contains(2L);
        }
        return null;
      });
      assertThat(applied(meters, "push")).as("applied as pushed").isPositive();
      assertThat(applied(meters, "poll")).as("left to the journal beyond the bound").isPositive();
    } finally {
      node.kit().shutdownTestKit();
    }
  }

  private static double applied(SimpleMeterRegistry meters, String path) {
    return meters.find("events.unbundled.projection.events.applied").tag("view", TallyProjector.VIEW.name())
        .tag("path", path).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static <T> Map<String, Long> count(List<Object> events, Class<T> type, Function<T, String> key) {
    return events.stream().filter(type::isInstance).map(type::cast)
        .collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
