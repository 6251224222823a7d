package dev.eventsunbundled.customer;

import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerNotice.CustomerInviteFailed;
import dev.eventsunbundled.low.Answer;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Reply;
import dev.eventsunbundled.low.Resolver;
import java.util.List;
import java.util.Optional;

/** invite-responder: answers InviteCustomer with the customer's row once the view shows it. */
public final class InviteCustomerResolver implements Resolver<InviteCustomer, CustomerEvent, Customer> {

  public static final String NAME = "InviteCustomer";

  @Override
  public Meta meta() {
    return Meta.of(NAME, List.of(InviteCustomerHandler.NAME), CustomerProjector.VIEW.name());
  }

  @Override
  public Class<InviteCustomer> request() {
    return InviteCustomer.class;
  }

  /** An email that can never be invited is refused before its entity is created. */
  @Override
  public Optional<String> problem(InviteCustomer request) {
    return Email.problem(request.email());
  }

  @Override
  public Answer answer(InviteCustomer request, Reply<CustomerEvent> reply) {
    if (reply instanceof Reply.Recorded<CustomerEvent> recorded
        && recorded.event() instanceof CustomerInvited invited) {
      return Answer.showRow(invited.customerId());
    }
    if (reply instanceof Reply.Noticed<CustomerEvent> noticed) {
      if (noticed.notice() instanceof CustomerInviteFailed failed) {
        return Answer.showRow(failed.customerId());
      }
      return Answer.refuse(noticed.notice().message());
    }
    return Answer.refuse("The invitation was not recorded");
  }
}
