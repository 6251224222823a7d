package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsunbundled.communication.CommunicationEvent.InvitationEmailQueued;
import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole loop on one node and H2: request → handler entity → journal → projection → projected answer. */
class WholeLoopTest {

  private static TestNode.Started node;

  @BeforeAll
  static void start() {
    node = TestNode.start(TestNode.inMemoryUrl());
  }

  @AfterAll
  static void stop() {
    node.kit().shutdownTestKit();
  }

  private static Customer invite(String email) {
    try {
      return node.shell().resolve(TestNode.INVITE, new InviteCustomer(email), "test").toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e);
    }
  }

  @Test
  void inviteAnswersTheProjectedCustomer() {
    Customer customer = invite("dean@p14n.com");

    assertThat(customer.id()).isNotBlank();
    assertThat(customer.email()).isEqualTo("dean@p14n.com");
    assertThat(customer.invited()).isTrue();
  }

  @Test
  void duplicateInviteAnswersTheSameCustomer() {
    Customer first = invite("twice@p14n.com");

    assertThat(invite("twice@p14n.com").id()).isEqualTo(first.id());
    assertThat(invite("  TWICE@p14n.com ").id()).isEqualTo(first.id());
  }

  @Test
  void emptyOrInvalidEmailIsRefusedWithTheFunctionsMessage() {
    assertThatThrownBy(() -> invite("")).isInstanceOf(Refused.class).hasMessage("Email is required");
    assertThatThrownBy(() -> invite(null)).isInstanceOf(Refused.class).hasMessage("Email is required");
    assertThatThrownBy(() -> invite("not-an-email")).isInstanceOf(Refused.class)
        .hasMessage("Email is not a valid address");
  }

  @Test
  void verifyChainMarksTheCustomerVerified() {
    Customer invited = invite("verify@p14n.com");

    node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      Customer row = node.shell().row(CustomerProjector.VIEW, invited.id()).toCompletableFuture().join().orElseThrow();
      assertThat(row.verified()).isTrue();
      return null;
    });
  }

  @Test
  void invitationEmailIsQueuedExactlyOncePerCustomer() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(invite("outbox" + i + "@p14n.com").id());
    }
    invite("outbox0@p14n.com");

    node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(10), () -> {
      Map<String, Long> queued = queuedEmails();
      ids.forEach(id -> assertThat(queued.get(id)).as("emails queued for %s", id).isEqualTo(1L));
      return null;
    });
  }

  static Map<String, Long> queuedEmails() {
    try {
      return Journal.eventsOnChannel(node.kit().system(), "communication", 4).stream()
          .map(InvitationEmailQueued.class::cast)
          .collect(Collectors.groupingBy(InvitationEmailQueued::customerId, Collectors.counting()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void hundredSequentialInvitesAreEachAnsweredAfterProjection() {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      long start = System.nanoTime();
      Customer customer = invite("latency" + i + "@p14n.com");
      micros.add((System.nanoTime() - start) / 1_000);
      assertThat(customer.invited()).isTrue();
    }
    List<Long> sorted = micros.stream().sorted().toList();
    System.out.printf("end-to-end invite → projected answer over 100 sequential: p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
        sorted.get(49) / 1000.0, sorted.get(89) / 1000.0, sorted.get(99) / 1000.0);
  }

  @Test
  void invitesStartNoThreads() {
    for (int i = 0; i < 20; i++) {
      invite("warm" + i + "@p14n.com");
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = threads.getTotalStartedThreadCount();

    for (int i = 0; i < 50; i++) {
      invite("threads" + i + "@p14n.com");
    }

    assertThat(threads.getTotalStartedThreadCount() - before).as("threads started by 50 invites").isLessThan(10);
  }
}
