package dev.eventsunbundled;

import static dev.eventsunbundled.testkit.SequentialIds.uuid;

import dev.eventsunbundled.communication.CommunicationEvent;
import dev.eventsunbundled.communication.CommunicationEvent.InvitationEmailQueued;
import dev.eventsunbundled.customer.CustomerCommand;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerEvent.CustomerInvited;
import dev.eventsunbundled.customer.CustomerEvent.CustomerVerified;
import dev.eventsunbundled.customer.CustomerNotice;
import dev.eventsunbundled.customer.CustomerNotice.CustomerInviteFailed;
import dev.eventsunbundled.customer.CustomerNotice.InvalidRequest;
import dev.eventsunbundled.low.Answer;
import dev.eventsunbundled.low.Reply;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One sample instance of every concrete subtype of every sealed type, keyed by its class. */
final class Samples {

  static final CustomerInvited INVITED = new CustomerInvited(uuid(1), "c-1", "dean@p14n.com");

  static final Map<Class<?>, CustomerCommand> COMMANDS = Map.of(
      InviteCustomer.class, new InviteCustomer("dean@p14n.com"));

  static final Map<Class<?>, CustomerEvent> EVENTS = Map.of(
      CustomerInvited.class, INVITED,
      CustomerVerified.class, new CustomerVerified(uuid(2), "c-1"));

  static final Map<Class<?>, CustomerNotice> NOTICES = Map.of(
      InvalidRequest.class, new InvalidRequest("Email is required"),
      CustomerInviteFailed.class, new CustomerInviteFailed("c-1", "Customer already invited"));

  static final Map<Class<?>, CommunicationEvent> COMMUNICATIONS = Map.of(
      InvitationEmailQueued.class, new InvitationEmailQueued(uuid(3), "c-1", "dean@p14n.com"));

  static final Map<Class<?>, Reply<CustomerEvent>> REPLIES = Map.of(
      Reply.Recorded.class, new Reply.Recorded<>(INVITED),
      Reply.Noticed.class, new Reply.Noticed<>(NOTICES.get(InvalidRequest.class)),
      Reply.Unchanged.class, new Reply.Unchanged<>());

  static final Map<Class<?>, Answer> ANSWERS = Map.of(
      Answer.ShowRow.class, new Answer.ShowRow(uuid(1).toString()),
      Answer.Refuse.class, new Answer.Refuse("Email is required"));

  /** Every sealed type with its samples. */
  static final Map<Class<?>, Map<Class<?>, ?>> BY_SEALED_TYPE = Map.of(
      CustomerCommand.class, COMMANDS,
      CustomerEvent.class, EVENTS,
      CustomerNotice.class, NOTICES,
      CommunicationEvent.class, COMMUNICATIONS,
      Reply.class, REPLIES,
      Answer.class, ANSWERS);

  private Samples() {}

  /** The concrete types a sealed type permits, walking down through sealed subtypes. */
  static Set<Class<?>> concreteSubtypes(Class<?> type) {
    if (!type.isSealed()) {
      return Set.of(type);
    }
    return Arrays.stream(type.getPermittedSubclasses())
        .flatMap(subtype -> concreteSubtypes(subtype).stream())
        .collect(Collectors.toSet());
  }
}
