package dev.eventsunbundled.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.customer.Customer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A row committed by the push applier is taken once, by the request whose event and row key it matches. */
class ProjectedRowsTest {

  private static ActorTestKit kit;

  @BeforeAll
  static void start() {
    kit = ActorTestKit.create("projected-rows");
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void aRowIsTakenOnceAndOnlyForItsEventAndKey() {
    ProjectedRows rows = ProjectedRows.get(kit.system());
    Customer ann = new Customer("c-1", "ann@p14n.com", true, false);
    rows.put("customer", "invite-customer|a", 1, "c-1", ann);

    assertThat(rows.<Customer>take("customer", new Token("invite-customer|a", 2), "c-1")).isEmpty();
    assertThat(rows.<Customer>take("customer", new Token("invite-customer|a", 1), "c-2")).isEmpty();
    assertThat(rows.<Customer>take("tally", new Token("invite-customer|a", 1), "c-1")).isEmpty();
    assertThat(rows.<Customer>take("customer", new Token("invite-customer|a", 1), "c-1")).contains(ann);
    assertThat(rows.<Customer>take("customer", new Token("invite-customer|a", 1), "c-1")).as("taken once").isEmpty();
  }

  @Test
  void rowsNobodyTookAreDroppedOldestFirst() {
    ProjectedRows rows = ProjectedRows.get(kit.system());
    for (int i = 0; i < 5000; i++) {
      rows.put("bounded", "e", i, "k", new Customer("k", "e" + i, true, false));
    }
    assertThat(rows.<Customer>take("bounded", new Token("e", 0), "k")).isEmpty();
    assertThat(rows.<Customer>take("bounded", new Token("e", 4999), "k")).isPresent();
  }
}
