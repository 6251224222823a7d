package dev.eventsunbundled.app.support;

import dev.eventsunbundled.customer.CustomerCommand.InviteCustomer;
import dev.eventsunbundled.customer.Email;
import dev.eventsunbundled.low.Ids;
import dev.eventsunbundled.low.Resolver;
import dev.eventsunbundled.low.View;
import dev.eventsunbundled.shell.Functions;
import dev.eventsunbundled.shell.Gateway;
import dev.eventsunbundled.shell.Refused;
import dev.eventsunbundled.shell.ResolveTimeout;
import dev.eventsunbundled.testkit.InMemoryRuntime;
import dev.eventsunbundled.testkit.Response;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double of the shell: the testkit's in-memory host runs the real functions behind our own Gateway interface. */
public final class InMemoryGateway implements Gateway {

  /** Inviting this email fails as the shell does when no projected answer arrives in time. */
  public static final String TIMES_OUT = "times-out@example.com";
  /** Inviting this email waits until {@link #release()} (to test draining in-flight requests). */
  public static final String HELD = "held@example.com";
  /** Inviting this email never answers at all (to test the routes' own deadline). */
  public static final String SILENT = "silent@example.com";

  private final InMemoryRuntime runtime = new InMemoryRuntime(Ids.system());
  private final List<String> callers = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> heldArrived = new CompletableFuture<>();
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  /** Hosts these functions, as a node would. */
  public InMemoryGateway(Functions functions) {
    functions.handlers().forEach(runtime::host);
    functions.projectors().forEach(runtime::project);
    functions.resolvers().forEach(runtime::resolve);
  }

  @Override
  public <C, V extends Record> CompletionStage<V> resolve(Resolver<C, ?, V> resolver, C request, String cid,
      String caller) {
    callers.add(String.valueOf(caller));
    String email = request instanceof InviteCustomer invite ? Email.normalize(invite.email()) : "";
    if (TIMES_OUT.equals(email)) {
      return CompletableFuture.failedFuture(new ResolveTimeout("No answer within 5s", cid));
    }
    if (SILENT.equals(email)) {
      return new CompletableFuture<>();
    }
    if (HELD.equals(email)) {
      heldArrived.complete(null);
      return released.thenCompose(ignored -> ask(resolver, request, cid));
    }
    return ask(resolver, request, cid);
  }

  @Override
  public synchronized <V extends Record> CompletionStage<Optional<V>> row(View<V> view, String key) {
    return CompletableFuture.completedFuture(runtime.row(view.name(), key).map(view.row()::cast));
  }

  @Override
  public synchronized <V extends Record> CompletionStage<List<V>> rows(View<V> view, String column, Object value) {
    if (!view.indexed().contains(column)) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(column + " is not indexed"));
    }
    return CompletableFuture.completedFuture(runtime.rows(view.name()).stream()
        .map(view.row()::cast)
        .filter(row -> Objects.equals(component(row, column), value))
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

  private synchronized <C, V extends Record> CompletionStage<V> ask(Resolver<C, ?, V> resolver, C request, String cid) {
    Response response = runtime.ask(request);
    if (response.refusal() != null) {
      return CompletableFuture.failedFuture(new Refused(response.refusal(), cid));
    }
    return CompletableFuture.completedFuture(castRow(response.row()));
  }

  @SuppressWarnings("unchecked")
  private static <V extends Record> V castRow(Record row) {
    return (V) row;
  }

  private static Object component(Record row, String name) {
    try {
      for (RecordComponent component : row.getClass().getRecordComponents()) {
        if (component.getName().equals(name)) {
          return component.getAccessor().invoke(row);
        }
      }
      throw new IllegalArgumentException(row.getClass().getSimpleName() + " has no component " + name);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The caller of each resolved request so far ("null" for none), in order. */
  public List<String> callers() {
    return callers;
  }
}
