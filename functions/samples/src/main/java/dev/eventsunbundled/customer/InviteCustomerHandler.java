package dev.eventsunbundled.customer;

import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerNotice.CustomerInviteFailed;
import dev.eventsunbundled.customer.CustomerNotice.InvalidRequest;
import dev.eventsunbundled.low.Context;
import dev.eventsunbundled.low.HandlerSpec;
import dev.eventsunbundled.low.IntegrityViolation;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.StateHandler;
import java.util.List;
import java.util.Optional;

/** invite-customer: one entity per email, so the email's single writer is the uniqueness check. */
public final class InviteCustomerHandler
    implements StateHandler<InviteCustomer, Invitation, CustomerEvent> {

  public static final String NAME = "invite-customer";
  public static final String ALREADY_INVITED = "Customer already invited";

  private static final HandlerSpec<InviteCustomer, Invitation> SPEC = new HandlerSpec<>(
      Meta.of(NAME, List.of(Meta.COMMANDS), Channels.CUSTOMER),
      InviteCustomer.class, command -> Email.normalize(command.email()), Invitation.none());

  @Override
  public HandlerSpec<InviteCustomer, Invitation> spec() {
    return SPEC;
  }

  @Override
  public Optional<CustomerEvent> operate(Context ctx, InviteCustomer command, Invitation invitation) {
    Optional<String> problem = Email.problem(command.email());
    if (problem.isPresent()) {
      ctx.notify(new InvalidRequest(problem.get()));
      return Optional.empty();
    }
    if (invitation.invited()) {
      ctx.notify(new CustomerInviteFailed(invitation.customerId(), ALREADY_INVITED));
      return Optional.empty();
    }
    String customerId = ctx.newId().toString();
    return Optional.of(new CustomerInvited(ctx.newId(), customerId, Email.normalize(command.email()), ctx.now()));
  }

  @Override
  public Invitation write(Invitation invitation, CustomerEvent event) {
    if (event instanceof CustomerInvited invited) {
      if (invitation.invited() && !invitation.customerId().equals(invited.customerId())) {
        throw new IntegrityViolation(
            invited.email() + " is already invited as customer " + invitation.customerId());
      }
      return invitation.withCustomer(invited.customerId(), invited.email());
    }
    return invitation;
  }
}
