package dev.eventsunbundled.customer;

import static dev.eventsunbundled.testkit.SequentialIds.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.communication.CommunicationEvent.InvitationEmailQueued;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.low.Meta;
import java.util.List;
import org.junit.jupiter.api.Test;

/** project-customer: folds customer events into the customer view, whatever order they arrive in. */
class CustomerProjectorTest {

  private static final CustomerInvited INVITED = new CustomerInvited(uuid(1), "c-1", "dean@p14n.com");
  private static final CustomerVerified VERIFIED = new CustomerVerified(uuid(2), "c-1");

  private final CustomerProjector projector = new CustomerProjector();

  private Customer project(CustomerEvent... events) {
    Customer row = projector.emptyRow(projector.rowKey(events[0]));
    for (CustomerEvent event : events) {
      row = projector.project(row, event);
    }
    return row;
  }

  @Test
  void invitedCustomerIsShownInvitedWithTheirEmail() {
    assertThat(project(INVITED)).isEqualTo(new Customer("c-1", "dean@p14n.com", true, false));
  }

  @Test
  void verifiedCustomerIsShownVerified() {
    assertThat(project(INVITED, VERIFIED)).isEqualTo(new Customer("c-1", "dean@p14n.com", true, true));
  }

  @Test
  void verificationArrivingBeforeTheInvitationIsKept() {
    assertThat(project(VERIFIED, INVITED)).isEqualTo(new Customer("c-1", "dean@p14n.com", true, true));
  }

  @Test
  void eventThatChangesNothingLeavesTheRowItself() {
    Customer verified = project(INVITED, VERIFIED);

    assertThat(projector.project(verified, INVITED)).isSameAs(verified);
    assertThat(projector.project(verified, VERIFIED)).isSameAs(verified);
  }

  @Test
  void unrelatedEventIsNotForTheProjector() {
    assertThat(projector.input().isInstance(new InvitationEmailQueued(uuid(3), "c-1", "dean@p14n.com"))).isFalse();
  }

  @Test
  void eachEventChangesTheRowOfItsCustomer() {
    assertThat(projector.rowKey(INVITED)).isEqualTo("c-1");
    assertThat(projector.rowKey(new CustomerVerified(uuid(4), "c-2"))).isEqualTo("c-2");
    assertThat(projector.emptyRow("c-1")).isEqualTo(new Customer("c-1", null, false, false));
  }

  @Test
  void readsChannelCustomerIntoTheCustomerViewFoundByIdOrEmail() {
    assertThat(projector.meta()).isEqualTo(Meta.of("project-customer", List.of("customer"), "customer"));
    assertThat(projector.view().key()).isEqualTo("id");
    assertThat(projector.view().indexed()).containsExactly("email");
    assertThat(projector.view().row()).isEqualTo(Customer.class);
  }
}
