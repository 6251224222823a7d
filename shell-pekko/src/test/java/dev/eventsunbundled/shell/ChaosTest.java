package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.communication.CommunicateToCustomerHandler;
import dev.eventsunbundled.communication.CommunicationEvent.InvitationEmailQueued;
import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.customer.VerifyCustomerHandler;
import dev.eventsunbundled.shell.TallyProjector.Tally;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.junit.jupiter.api.Test;

/**
 * In the spirit of Pekko Projection's chaos specs: while invites run, the downstream handlers fail at random and
 * projections are paused and resumed at random; afterwards every invited customer's view rows and channel effects
 * exist exactly once.
 */
class ChaosTest {

  private static final int INVITES = 40;
  private static final List<String> PROJECTIONS =
      List.of("project-customer", "tally", "verify-customer-from-customer", "communicate-to-customer-from-customer");
  private static final Duration EVERY = Duration.ofMillis(100);
  private static final Duration PAUSED = Duration.ofMillis(400);

  @Test
  void randomHandlerFailuresAndProjectionRestartsLoseNothingAndDoNothingTwice() throws Exception {
    Functions functions = new Functions(
        List.of(new InviteCustomerHandler(), new FlakyHandler<>(new VerifyCustomerHandler(), 0.3),
            new FlakyHandler<>(new CommunicateToCustomerHandler(), 0.3)),
        List.of(new CustomerProjector(), new TallyProjector()),
        List.of(TestNode.INVITE));
    TestNode.Started node = TestNode.start(TestNode.config(TestNode.inMemoryUrl(),
        "events-unbundled.dead-letters.give-up-after = 1000"), functions);
    var system = node.kit().system();
    ProjectionManagement management = ProjectionManagement.get(system);
    AtomicInteger pauses = new AtomicInteger();
    Cancellable chaos = system.scheduler().scheduleAtFixedRate(EVERY, EVERY, () -> {
      ProjectionId id = ProjectionId.of(PROJECTIONS.get(ThreadLocalRandom.current().nextInt(PROJECTIONS.size())),
          "customer-" + ThreadLocalRandom.current().nextInt(4));
      management.pause(id).thenRun(() -> {
        pauses.incrementAndGet();
        system.scheduler().scheduleOnce(PAUSED, () -> management.resume(id), system.executionContext());
      });
    }, system.executionContext());
    try {
      List<CompletableFuture<Customer>> answers = IntStream.range(0, INVITES)
          .mapToObj(i -> node.shell().resolve(TestNode.INVITE, new InviteCustomer("chaos" + i + "@p14n.com"), "chaos")
              .toCompletableFuture().exceptionally(timedOut -> null))
          .toList();
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      chaos.cancel();
      assertThat(pauses).as("projections paused while the invites ran").hasPositiveValue();
      for (String name : PROJECTIONS) {
        for (int tag = 0; tag < 4; tag++) {
          management.resume(ProjectionId.of(name, "customer-" + tag)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
      }
      List<String> invited = Journal.eventsOnChannel(system, "customer", 4).stream()
          .filter(CustomerInvited.class::isInstance).map(event -> ((CustomerInvited) event).customerId()).toList();
      assertThat(invited).doesNotHaveDuplicates().hasSize(INVITES);

      node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(60), () -> {
        for (String id : invited) {
          assertThat(node.shell().row(CustomerProjector.VIEW, id).toCompletableFuture().join())
              .hasValueSatisfying(customer -> assertThat(customer.verified()).as("verified %s", id).isTrue());
          assertThat(node.shell().row(TallyProjector.VIEW, id).toCompletableFuture().join().map(Tally::applied))
              .as("events the tally view applied for %s", id).contains(2L);
        }
        Map<String, Long> queued = count(Journal.eventsOnChannel(system, "communication", 4),
            InvitationEmailQueued.class, InvitationEmailQueued::customerId);
        assertThat(queued).containsOnlyKeys(invited);
        return null;
      });
      Map<String, Long> verified = count(Journal.eventsOnChannel(system, "customer", 4),
          CustomerVerified.class, CustomerEvent::customerId);
      Map<String, Long> queued = count(Journal.eventsOnChannel(system, "communication", 4),
          InvitationEmailQueued.class, InvitationEmailQueued::customerId);
      assertThat(verified).containsOnlyKeys(invited).allSatisfy((id, n) -> assertThat(n).as("verified %s", id).isOne());
      assertThat(queued).containsOnlyKeys(invited).allSatisfy((id, n) -> assertThat(n).as("emails for %s", id).isOne());
    } finally {
      chaos.cancel();
      node.kit().shutdownTestKit();
    }
  }

  private static <T> Map<String, Long> count(List<Object> events, Class<T> type, Function<T, String> key) {
    return events.stream().filter(type::isInstance).map(type::cast)
        .collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
