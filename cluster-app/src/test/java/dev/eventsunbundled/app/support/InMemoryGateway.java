package dev.eventsunbundled.app.support;

import dev.eventsunbundled.customer.Customer;
import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.CustomerEvent;
import dev.eventsunbundled.customer.CustomerProjector;
import dev.eventsunbundled.customer.Email;
import dev.eventsunbundled.customer.Invitation;
import dev.eventsunbundled.customer.InviteCustomerHandler;
import dev.eventsunbundled.low.Answer;
import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Executor.Outcome;
import dev.eventsunbundled.low.Ids;
import dev.eventsunbundled.low.Resolver;
import dev.eventsunbundled.low.View;
import dev.eventsunbundled.shell.Gateway;
import dev.eventsunbundled.shell.Refused;
import dev.eventsunbundled.shell.ResolveTimeout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Test double of the shell: runs the real customer functions in memory behind our own Gateway interface. */
public final class InMemoryGateway implements Gateway {

  /** Inviting this email fails as the shell does when no projected answer arrives in time. */
  public static final String TIMES_OUT = "times-out@example.com";
  /** Inviting this email waits until {@link #release()} (to test draining in-flight requests). */
  public static final String HELD = "held@example.com";
  /** Inviting this email never answers at all (to test the routes' own deadline). */
  public static final String SILENT = "silent@example.com";

  private final Executor<InviteCustomer, Invitation, Invitation, CustomerEvent> executor =
      new Executor<>(new InviteCustomerHandler());
  private final CustomerProjector projector = new CustomerProjector();
  private final Map<String, Invitation> invitations = new HashMap<>();
  private final Map<String, Customer> customers = new HashMap<>();
  private final CompletableFuture<Void> heldArrived = new CompletableFuture<>();
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  @Override
  public <C, V extends Record> CompletionStage<V> resolve(Resolver<C, ?, V> resolver, C request, String cid) {
    String email = Email.normalize(((InviteCustomer) request).email());
    if (TIMES_OUT.equals(email)) {
      return CompletableFuture.failedFuture(new ResolveTimeout("No answer within 5s", cid));
    }
    if (SILENT.equals(email)) {
      return new CompletableFuture<>();
    }
    if (HELD.equals(email)) {
      heldArrived.complete(null);
      return released.thenCompose(ignored -> decide(resolver, request, cid));
    }
    return decide(resolver, request, cid);
  }

  @Override
  public synchronized <V extends Record> CompletionStage<Optional<V>> row(View<V> view, String key) {
    return CompletableFuture.completedFuture(Optional.ofNullable(view.row().cast(customers.get(key))));
  }

  @Override
  public synchronized <V extends Record> CompletionStage<List<V>> rows(View<V> view, String column, Object value) {
    if (!view.indexed().contains(column)) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(column + " is not indexed"));
    }
    return CompletableFuture.completedFuture(customers.values().stream()
        .filter(customer -> Objects.equals(customer.email(), value))
        .map(view.row()::cast)
        .toList());
  }

  /** Completes when a request for {@link #HELD} has arrived. */
  public CompletionStage<Void> heldArrived() {
    return heldArrived;
  }

  /** Lets held requests proceed. */
  public void release() {
    released.complete(null);
  }

  @SuppressWarnings("unchecked")
  private synchronized <C, V extends Record> CompletionStage<V> decide(Resolver<C, ?, V> resolver, C request, String cid) {
    InviteCustomer command = (InviteCustomer) request;
    String key = executor.handler().entityKey(command);
    Outcome<Invitation, CustomerEvent> outcome =
        executor.execute(Ids.system(), command, invitations.getOrDefault(key, Invitation.none()));
    invitations.put(key, outcome.state());
    outcome.event().ifPresent(this::project);
    Answer answer = ((Resolver<C, CustomerEvent, V>) resolver).answer(request, outcome.reply());
    if (answer instanceof Answer.ShowRow show) {
      return CompletableFuture.completedFuture((V) customers.get(show.key()));
    }
    return CompletableFuture.failedFuture(new Refused(((Answer.Refuse) answer).message(), cid));
  }

  private void project(CustomerEvent event) {
    String key = projector.rowKey(event);
    customers.put(key, projector.project(customers.getOrDefault(key, projector.emptyRow(key)), event));
  }
}
