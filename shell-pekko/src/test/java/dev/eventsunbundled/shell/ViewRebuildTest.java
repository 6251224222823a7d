package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.View;
import dev.eventsunbundled.shell.CardProjectors.CardWithDomain;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * View generations: a view whose record gains a component is built anew from the journal next to the old table,
 * which keeps serving (and taking new events) until the new one has caught up; then the switch. An operator's
 * rebuild does the same for an unchanged record, and brings back what the old table had lost.
 */
class ViewRebuildTest {

  private static final String CARD_ROLE = "events-unbundled.deploy.card = read\n";

  @Test
  void aRecordThatGainsAComponentIsBuiltNextToTheOldTableWhichServesUntilTheSwitch() throws Exception {
    String url = TestNode.inMemoryUrl();
    List<String> ids = new ArrayList<>();
    TestNode.Started first = TestNode.start(TestNode.config(url, CARD_ROLE), functions(CardProjectors.first()));
    try {
      List<String> emails = List.of("ann@p14n.com", "bob@example.org");
      for (String email : emails) {
        ids.add(invite(first, email).id());
      }
      for (int i = 0; i < ids.size(); i++) {
        CardProjectors.Card complete = new CardProjectors.Card(ids.get(i), emails.get(i));
        await(first, () -> assertThat(first.shell().row(CardProjectors.FIRST, complete.customerId())
            .toCompletableFuture().get(10, TimeUnit.SECONDS))
            .as("each card row with its email: another entity's event may create the row first").contains(complete));
      }
    } finally {
      first.kit().shutdownTestKit();
    }

    TestNode.Started second = TestNode.start(
        TestNode.config(url, CARD_ROLE + "events-unbundled.views.check-interval = 0s"),
        functions(CardProjectors.second()));
    try {
      ViewRebuilds rebuilds = ViewRebuilds.get(second.kit().system());
      assertThat(status(rebuilds)).satisfies(card -> {
        assertThat(card.serving()).isEqualTo(1);
        assertThat(card.building()).isEqualTo(2);
        assertThat(card.buildingTable()).isEqualTo("view_card_v2");
      });
      assertThat(card(second, ids.get(0))).as("the old table serves, without the new component")
          .isEqualTo(new CardWithDomain(ids.get(0), "ann@p14n.com", null));

      ids.add(invite(second, "cid@example.net").id());
      await(second, () -> assertThat(card(second, ids.get(2))).as("the old table takes new events while it serves")
          .isEqualTo(new CardWithDomain(ids.get(2), "cid@example.net", null)));
      await(second, () -> assertThat(status(rebuilds)).satisfies(card -> {
        assertThat(card.journalEvents()).isPositive();
        assertThat(card.builtEvents()).as("progress of the build").isEqualTo(card.journalEvents());
      }));
      assertThat(card(second, ids.get(1)).domain()).as("still the old table until the switch").isNull();

      await(second, () -> {
        rebuilds.check().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(status(rebuilds).serving()).isEqualTo(2);
      });

      assertThat(status(rebuilds).building()).isZero();
      assertThat(card(second, ids.get(0))).isEqualTo(new CardWithDomain(ids.get(0), "ann@p14n.com", "p14n.com"));
      assertThat(card(second, ids.get(1))).isEqualTo(new CardWithDomain(ids.get(1), "bob@example.org", "example.org"));
      assertThat(card(second, ids.get(2))).isEqualTo(new CardWithDomain(ids.get(2), "cid@example.net", "example.net"));
      String dan = invite(second, "dan@p14n.com").id();
      await(second, () -> assertThat(card(second, dan)).isEqualTo(new CardWithDomain(dan, "dan@p14n.com", "p14n.com")));
    } finally {
      second.kit().shutdownTestKit();
    }

    TestNode.Started third = TestNode.start(TestNode.config(url, CARD_ROLE), functions(CardProjectors.second()));
    try {
      assertThat(status(ViewRebuilds.get(third.kit().system()))).as("after a restart, nothing left to build")
          .satisfies(card -> {
            assertThat(card.serving()).isEqualTo(2);
            assertThat(card.building()).isZero();
          });
      assertThat(card(third, ids.get(1)).domain()).isEqualTo("example.org");
    } finally {
      third.kit().shutdownTestKit();
    }
  }

  @Test
  void anOperatorRebuildReplacesTheViewWithOneBuiltFromTheJournal() throws Exception {
    TestNode.Started node = TestNode.start(TestNode.config(TestNode.inMemoryUrl(),
        "events-unbundled.views.check-interval = 100ms"), TestNode.customerFunctions());
    try {
      Customer ann = invite(node, "ann@p14n.com");
      Customer bob = invite(node, "bob@p14n.com");
      await(node, () -> assertThat(customer(node, bob.id()).verified()).isTrue());
      Customer before = customer(node, bob.id());
      node.shell().database().transact(c -> {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM \"view_customer\" WHERE \"id\" = ?")) {
          s.setString(1, bob.id());
          return s.executeUpdate();
        }
      });
      assertThat(node.shell().row(CustomerProjector.VIEW, bob.id()).toCompletableFuture().get(10, TimeUnit.SECONDS))
          .isEmpty();

      ViewRebuilds rebuilds = ViewRebuilds.get(node.kit().system());
      ViewRebuilds.Status started = rebuilds.rebuild("customer").toCompletableFuture().get(30, TimeUnit.SECONDS);

      assertThat(started.building()).isEqualTo(2);
      assertThat(started.buildingTable()).isEqualTo("view_customer_v2");
      await(node, () -> assertThat(rebuilds.status().toCompletableFuture().get(10, TimeUnit.SECONDS).get(0).serving())
          .isEqualTo(2));
      assertThat(customer(node, bob.id())).isEqualTo(before);
      assertThat(customer(node, ann.id()).email()).isEqualTo("ann@p14n.com");
      Customer cid = invite(node, "cid@p14n.com");
      assertThat(customer(node, cid.id()).invited()).as("read-your-writes on the new generation").isTrue();
      assertThatThrownBy(() -> rebuilds.rebuild("nothing").toCompletableFuture().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasMessageContaining("No view named 'nothing'");
    } finally {
      node.kit().shutdownTestKit();
    }
  }

  private static Functions functions(Projector<?, ?> card) {
    Functions customer = TestNode.customerFunctions();
    List<Projector<?, ?>> projectors = new ArrayList<>(customer.projectors());
    projectors.add(card);
    return new Functions(customer.handlers(), projectors, customer.resolvers());
  }

  private static ViewRebuilds.Status status(ViewRebuilds rebuilds) throws Exception {
    return rebuilds.status().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
        .filter(status -> status.view().equals("card")).findFirst().orElseThrow();
  }

  private static CardWithDomain card(TestNode.Started node, String id) throws Exception {
    return row(node, CardProjectors.SECOND, id);
  }

  private static Customer customer(TestNode.Started node, String id) throws Exception {
    return row(node, CustomerProjector.VIEW, id);
  }

  private static <V extends Record> V row(TestNode.Started node, View<V> view, String id) throws Exception {
    return node.shell().row(view, id).toCompletableFuture().get(10, TimeUnit.SECONDS).orElse(null);
  }

  private static Customer invite(TestNode.Started node, String email) throws Exception {
    return node.shell().resolve(TestNode.INVITE, new InviteCustomer(email), "rebuild").toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  /** An assertion that may throw. */
  private interface Check {
    void run() throws Exception;
  }

  private static void await(TestNode.Started node, Check check) {
    node.kit().createTestProbe().awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
      try {
        check.run();
      } catch (RuntimeException | AssertionError e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return null;
    });
  }
}
