package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Ids;
import dev.eventsunbundled.low.Meta;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.Resolver;
import dev.eventsunbundled.low.View;
import dev.eventsunbundled.shell.ViewWatcher.Applied;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.persistence.typed.PersistenceId;
import scala.concurrent.ExecutionContextExecutor;

/** The shell on one node: starts what this node's roles host and serves the {@link Gateway}. */
public final class Unbundled implements Gateway {

  private static final String WARM_UP_KEY = "events-unbundled-warm-up";

  /** The message of {@link #warmUp}: no handler's input, so every entity leaves it alone. */
  public record WarmUp() implements ShellMessage {}

  private final ViewReader views;
  private final ViewHistory history;
  private final Map<String, Handler<?, ?, ?, ?>> handlers;
  private final AwaitingResolver resolver;
  private final Database database;
  private final ActorSystem<?> system;
  private final Deployment deployment;
  private final ClusterMeters cluster;

  private Unbundled(ViewReader views, ViewHistory history, AwaitingResolver resolver, Database database,
      ActorSystem<?> system, Deployment deployment, Map<String, Handler<?, ?, ?, ?>> handlers,
      ClusterMeters cluster) {
    this.views = views;
    this.history = history;
    this.handlers = Map.copyOf(handlers);
    this.resolver = resolver;
    this.database = database;
    this.system = system;
    this.deployment = deployment;
    this.cluster = cluster;
  }

  /** Creates the schema, starts the entities, projections and resolvers this node's roles host. */
  public static Unbundled start(ActorSystem<?> system, Functions functions) {
    ShellSettings settings = ShellSettings.from(system.settings().config());
    Deployment deployment = Deployment.check(system.settings().config(), Cluster.get(system).selfMember().getRoles(),
        Stream.of(functions.handlers().stream().map(Handler::meta), functions.projectors().stream().map(Projector::meta),
            functions.resolvers().stream().map(Resolver::meta)).flatMap(s -> s).map(Meta::name).toList());
    Database database = Database.open(settings.db());
    system.getWhenTerminated().thenRun(database::close);
    Map<String, ViewGenerations<?>> tables = Schema.create(system, database,
        functions.projectors().stream().<View<?>>map(Projector::view).toList());

    ActorRef<Topic.Command<Applied>> topic = system.systemActorOf(
        Topic.create(Applied.class, "events-unbundled-view-applied"), "view-applied-topic", Props.empty());
    EventPush push = settings.push()
        ? PushRouter.start(system, consumedTags(functions, settings), PushChaos.from(settings.pushChaos()))
        : EventPush.NONE;
    Map<String, Handler<?, ?, ?, ?>> handlers = new LinkedHashMap<>();
    for (Handler<?, ?, ?, ?> handler : functions.handlers()) {
      handlers.put(handler.meta().name(), handler);
      startHandler(system, handler, database, settings, deployment.roleOf(handler.meta().name()), push);
    }
    for (Projector<?, ?> projector : functions.projectors()) {
      startProjector(system, projector, tables, database, topic, settings, deployment);
    }
    ActorRef<ViewWatcher.Command> watcher =
        system.systemActorOf(ViewWatcher.create(topic), "view-watcher", Props.empty());
    ExecutionContextExecutor reads = system.dispatchers().lookup(DispatcherSelector.fromConfig("events-unbundled.read-dispatcher"));
    ViewReader views = new ViewReader(database, tables, reads);
    ProjectionHealth.get(system).measureBehind(database, reads);
    H2Housekeeping.start(system, database, system.settings().config().getConfig("events-unbundled.h2-housekeeping"),
        system.dispatchers().lookup(DispatcherSelector.fromConfig(ViewProjection.JDBC_DISPATCHER)));
    ClusterMeters cluster = ClusterMeters.bind(system, ShellMetrics.get(system).registry(),
        handlers.keySet().stream().filter(deployment.hostedHere()::contains).toList());
    return new Unbundled(views, new ViewHistory(system, views, List.copyOf(functions.projectors())),
        new AwaitingResolver(system, handlers, views, watcher, settings.resolveTimeout()),
        database, system, deployment, handlers, cluster);
  }

  private static void startHandler(ActorSystem<?> system, Handler<?, ?, ?, ?> handler, Database database,
      ShellSettings settings, String role, EventPush push) {
    var typeKey = HandlerEntity.typeKey(handler);
    Ids ids = Ids.system();
    ClusterSharding.get(system).init(Entity.of(typeKey, ctx -> HandlerEntity.create(
            PersistenceId.of(typeKey.name(), ctx.getEntityId()), handler, ids, settings, push))
        .withRole(role));
    for (String channel : handler.meta().in()) {
      if (!channel.equals(Meta.COMMANDS)) {
        ChannelProjection.init(system, handler, channel, tags(channel, settings), database, settings, role);
      }
    }
  }

  private static <E, V extends Record> void startProjector(ActorSystem<?> system, Projector<E, V> projector,
      Map<String, ViewGenerations<?>> tables, Database database, ActorRef<Topic.Command<Applied>> topic,
      ShellSettings settings, Deployment deployment) {
    @SuppressWarnings("unchecked")
    ViewGenerations<V> generations = (ViewGenerations<V>) tables.get(projector.view().name());
    Map<String, List<String>> tagsByChannel = new LinkedHashMap<>();
    projector.meta().in().forEach(channel -> tagsByChannel.put(channel, tags(channel, settings)));
    ViewProjection<E, V> projection = new ViewProjection<>(system, projector, generations, tagsByChannel, database,
        topic, settings, deployment.roleOf(projector.meta().name()));
    projection.start();
    ViewRebuilds.get(system).host(projection, database,
        system.dispatchers().lookup(DispatcherSelector.fromConfig(ViewProjection.JDBC_DISPATCHER)));
  }

  /** Every tag of every channel some projector or handler reads: where pushed events may go. */
  private static List<String> consumedTags(Functions functions, ShellSettings settings) {
    return Stream.concat(functions.handlers().stream().map(Handler::meta),
            functions.projectors().stream().map(Projector::meta))
        .flatMap(meta -> meta.in().stream())
        .filter(channel -> !channel.equals(Meta.COMMANDS))
        .distinct()
        .flatMap(channel -> tags(channel, settings).stream())
        .toList();
  }

  private static List<String> tags(String channel, ShellSettings settings) {
    return new ChannelTags(channel, settings.tagsPerChannel()).all();
  }

  /**
   * Asks each handler entity type hosted here once with a message no handler takes: sharding, an entity's start
   * and its recovery queries run before the first request does (nothing is written). Completes when all answered.
   */
  public CompletionStage<Void> warmUp(Duration timeout) {
    ClusterSharding sharding = ClusterSharding.get(system);
    List<String> hosted = deployment.hostedHere();
    return CompletableFuture.allOf(handlers.values().stream()
        .filter(handler -> hosted.contains(handler.meta().name()))
        .map(handler -> Stages.plain(sharding.entityRefFor(HandlerEntity.typeKey(handler), WARM_UP_KEY)
            .<EntityReply>ask(replyTo -> new HandlerEntity.Handle(new WarmUp(), null, replyTo), timeout)))
        .toArray(CompletableFuture[]::new));
  }

  /** Completes with true when the journal/view database answers a trivial query. */
  public CompletionStage<Boolean> databaseReachable() {
    return views.reachable().exceptionally(failure -> false);
  }

  /** Which roles and functions this node has, the configured layout and the cluster's members, now. */
  public Topology topology() {
    return Topology.of(system, deployment);
  }

  /** Shards and entities per entity type on this node, as last asked of the shard regions. */
  public Map<String, ClusterMeters.Hosted> hostedEntities() {
    return cluster.hosted();
  }

  /** The connection pool the views live in (tests and tools read views through it). */
  public Database database() {
    return database;
  }

  @Override
  public <C, V extends Record> CompletionStage<V> resolve(
      Resolver<C, ?, V> resolver, C request, String correlationId, String caller) {
    return this.resolver.resolve(resolver, request, correlationId, caller);
  }

  @Override
  public <V extends Record> CompletionStage<Optional<V>> row(View<V> view, String key) {
    return views.row(view, key);
  }

  @Override
  public <V extends Record> CompletionStage<List<V>> rows(View<V> view, String column, Object value) {
    return views.rows(view, column, value);
  }

  @Override
  public <V extends Record> CompletionStage<List<HistoryEntry>> history(View<V> view, String key) {
    return history.of(view, key);
  }

  @Override
  public <V extends Record> CompletionStage<Optional<V>> rowAsOf(View<V> view, String key, Instant asOf) {
    return history.rowAsOf(view, key, asOf);
  }
}
