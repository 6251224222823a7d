package dev.eventsunbundled.app;

import com.typesafe.config.Config;
import dev.eventsunbundled.shell.Functions;
import dev.eventsunbundled.shell.Topology;
import dev.eventsunbundled.shell.Unbundled;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterActorRefProvider;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.javadsl.PekkoManagement;

/** One running node: actor system, shell with the registered processes' functions, HTTP API and management. */
public final class Node implements AutoCloseable {

  public static final String SYSTEM_NAME = "events-unbundled";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(15);

  private final ActorSystem<Void> system;
  private final ServerBinding binding;
  private final int managementPort;
  private final CompletableFuture<Done> up;

  private Node(ActorSystem<Void> system, ServerBinding binding, int managementPort, CompletableFuture<Done> up) {
    this.system = system;
    this.binding = binding;
    this.managementPort = managementPort;
    this.up = up;
  }

  /**
   * Starts a node from this configuration; blocks the caller until the API and management are bound. Management
   * (and its readiness check) comes last: a node that says it is ready serves its API.
   */
  public static Node start(Config config, List<HostedProcess> processes) {
    Exposure.check(config);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME, Layouts.apply(config));
    try {
      NodeMetrics.get(system);
      Functions functions = Functions.concat(processes.stream().map(HostedProcess::functions).toList());
      Unbundled shell = Unbundled.start(system, functions);
      JournalProbe.get(system).attach(shell::databaseReachable);
      NodeConsole.get(system).attach(shell);
      CompletableFuture<Done> up = joinCluster(system);
      HttpApi api = HttpApi.create(system, shell, processes, notServedHere(shell, functions));
      ServerBinding binding = HttpServer.start(system, api);
      warmUp(system, shell, up);
      int managementPort = startManagement(system);
      return new Node(system, binding, managementPort, up);
    } catch (RuntimeException | Error e) {
      system.terminate();
      throw e;
    }
  }

  public int port() {
    return binding.localAddress().getPort();
  }

  public int managementPort() {
    return managementPort;
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** Completes when this node is an Up member of its cluster. */
  public CompletionStage<Done> up() {
    return up;
  }

  /** Runs CoordinatedShutdown: unbinds, drains requests, leaves the cluster, terminates. */
  public CompletionStage<Done> stop() {
    return CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
  }

  public CompletionStage<Done> whenTerminated() {
    return system.getWhenTerminated();
  }

  @Override
  public void close() {
    stop();
    Futures.await(whenTerminated(), STOP_TIMEOUT);
  }

  /** Why this node answers no API requests: none of its roles hosts a resolver the API calls. */
  private static Optional<String> notServedHere(Unbundled shell, Functions functions) {
    Topology topology = shell.topology();
    List<String> resolvers = functions.resolvers().stream().map(resolver -> resolver.meta().name()).toList();
    if (resolvers.isEmpty() || resolvers.stream().anyMatch(topology.hosts()::contains)) {
      return Optional.empty();
    }
    String where = resolvers.stream().sorted()
        .map(name -> name + " is deployed to role " + topology.functions().get(name))
        .collect(Collectors.joining(", "));
    return Optional.of("This node (roles " + topology.roles() + ") serves no API requests: " + where
        + "; send requests to a node with that role");
  }

  /** Once Up, wakes the handler entities hosted here (no writes); a node that cannot is still started. */
  private static void warmUp(ActorSystem<Void> system, Unbundled shell, CompletableFuture<Done> up) {
    try {
      Futures.await(up.thenCompose(done -> shell.warmUp(WARM_UP_TIMEOUT)), WARM_UP_TIMEOUT);
    } catch (RuntimeException e) {
      system.log().warn("Warm-up did not finish: {}", e.getMessage());
    }
  }

  /** Single-node mode: with no seed nodes configured the node joins itself. */
  private static CompletableFuture<Done> joinCluster(ActorSystem<Void> system) {
    CompletableFuture<Done> up = new CompletableFuture<>();
    if (!(((ExtendedActorSystem) Adapter.toClassic(system)).provider() instanceof ClusterActorRefProvider)) {
      up.complete(Done.done());
      return up;
    }
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system)).registerOnMemberUp(() -> up.complete(Done.done()));
    if (system.settings().config().getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    return up;
  }

  /** Starts pekko-management; with API keys configured it asks for one (HTTP Basic: the key's name and secret). */
  private static int startManagement(ActorSystem<Void> system) {
    ApiAuth auth = ApiAuth.from(system.settings().config().getConfig(HttpSettings.PATH));
    PekkoManagement management = PekkoManagement.get(Adapter.toClassic(system));
    int port = Futures.await(auth.hasKeys() ? management.start(settings -> settings.withAuth(auth::managementCaller))
        : management.start(), START_TIMEOUT).port();
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "management-stop", management::stop);
    return port;
  }
}
