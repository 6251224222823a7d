package dev.eventsunbundled.app.support;

import dev.eventsunbundled.app.Futures;
import dev.eventsunbundled.app.HostedProcess;
import dev.eventsunbundled.app.HttpApi;
import dev.eventsunbundled.app.HttpServer;
import dev.eventsunbundled.app.JournalProbe;
import dev.eventsunbundled.app.customer.CustomerProcess;
import dev.eventsunbundled.shell.Functions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;

/** The node's HTTP API over an {@link InMemoryGateway} on a random port: the fast route-level tier. */
public final class ApiServer implements AutoCloseable {

  private static final List<HostedProcess> PROCESSES = List.of(CustomerProcess.of("basic"));

  private final InMemoryGateway gateway =
      new InMemoryGateway(Functions.concat(PROCESSES.stream().map(HostedProcess::functions).toList()));
  private final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private final ActorSystem<Void> system;
  private final ServerBinding binding;

  private ApiServer(Map<String, Object> overrides) {
    system = ActorSystem.create(Behaviors.empty(), "api-test", TestConfigs.routes(overrides));
    JournalProbe.get(system).attach(() -> CompletableFuture.completedFuture(databaseUp.get()));
    try {
      binding = HttpServer.start(system, HttpApi.create(system, gateway, PROCESSES));
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  public static ApiServer start() {
    return new ApiServer(Map.of());
  }

  public static ApiServer start(Map<String, Object> overrides) {
    return new ApiServer(overrides);
  }

  public ApiClient client() {
    return ApiClient.on(binding.localAddress().getPort());
  }

  public InMemoryGateway gateway() {
    return gateway;
  }

  public ServerBinding binding() {
    return binding;
  }

  public void databaseUp(boolean up) {
    databaseUp.set(up);
  }

  /** Starts CoordinatedShutdown without waiting for it. */
  public void beginShutdown() {
    CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
  }

  @Override
  public void close() {
    beginShutdown();
    Futures.await(system.getWhenTerminated(), Duration.ofSeconds(30));
  }
}
