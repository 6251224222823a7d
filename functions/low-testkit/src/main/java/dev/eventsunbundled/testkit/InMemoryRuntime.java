package dev.eventsunbundled.testkit;

import dev.eventsunbundled.low.Answer;
import dev.eventsunbundled.low.Executor;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Ids;
import dev.eventsunbundled.low.Projector;
import dev.eventsunbundled.low.Reply;
import dev.eventsunbundled.low.Resolver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tiny single-threaded shell for tests: entity states, channels, consumers, views and resolvers, all in maps. */
public final class InMemoryRuntime {

  private final Ids ids;
  private final List<HostedHandler<?, ?, ?, ?>> handlers = new ArrayList<>();
  private final Map<String, HostedProjector<?, ?>> views = new LinkedHashMap<>();
  private final Map<Class<?>, Resolver<?, ?, ?>> resolvers = new HashMap<>();
  private final Map<String, List<Object>> channels = new HashMap<>();
  private final Deque<Delivery> pending = new ArrayDeque<>();
  private long sequence;

  public InMemoryRuntime(Ids ids) {
    this.ids = ids;
  }

  public <I, S, D, E> InMemoryRuntime host(Handler<I, S, D, E> handler) {
    handlers.add(new HostedHandler<>(handler));
    return this;
  }

  public <E, V extends Record> InMemoryRuntime project(Projector<E, V> projector) {
    views.put(projector.view().name(), new HostedProjector<>(projector));
    return this;
  }

  public InMemoryRuntime resolve(Resolver<?, ?, ?> resolver) {
    resolvers.put(resolver.request(), resolver);
    return this;
  }

  /**
   * Refuses a request its resolver finds a problem with; otherwise sends it to its handler, waits until the view
   * has applied the recorded event, and answers.
   */
  public Response ask(Object request) {
    HostedHandler<?, ?, ?, ?> handler = handlers.stream()
        .filter(hosted -> hosted.handler.meta().readsCommands() && hosted.accepts(request))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No handler for " + request));
    Resolver<?, ?, ?> resolver = Optional.<Resolver<?, ?, ?>>ofNullable(resolvers.get(request.getClass()))
        .orElseThrow(() -> new IllegalArgumentException("No resolver for " + request));
    Optional<String> problem = problem(resolver, request);
    if (problem.isPresent()) {
      return Response.refused(problem.get());
    }
    Reply<?> reply = handler.handle(request);
    if (reply instanceof Reply.Recorded<?> recorded) {
      deliverThrough(append(handler.handler.meta().out(), recorded.event()));
    }
    Response response = respond(resolver.meta().out(), answer(resolver, request, reply));
    deliverThrough(null);
    return response;
  }

  /** Turns a resolver's answer into a response, reading the row from the named view. */
  public Response respond(String view, Answer answer) {
    if (answer instanceof Answer.ShowRow show) {
      return Response.showing(row(view, show.key())
          .orElseThrow(() -> new IllegalStateException("View " + view + " has no row " + show.key())));
    }
    if (answer instanceof Answer.Refuse refuse) {
      return Response.refused(refuse.message());
    }
    throw new IllegalStateException("Unknown answer " + answer);
  }

  /** Delivers every event recorded so far once more, as an at-least-once transport may. */
  public void redeliver() {
    channels.forEach((channel, events) ->
        events.forEach(event -> pending.add(new Delivery(++sequence, channel, event))));
    deliverThrough(null);
  }

  public List<Object> channel(String name) {
    return List.copyOf(channels.getOrDefault(name, List.of()));
  }

  public Optional<Record> row(String view, String key) {
    return Optional.ofNullable(views.get(view).rows.get(key));
  }

  public List<Record> rows(String view) {
    return List.copyOf(views.get(view).rows.values());
  }

  private static <C> Optional<String> problem(Resolver<C, ?, ?> resolver, Object request) {
    return resolver.problem(resolver.request().cast(request));
  }

  @SuppressWarnings("unchecked")
  private static <C, E> Answer answer(Resolver<C, E, ?> resolver, Object request, Reply<?> reply) {
    return resolver.answer(resolver.request().cast(request), (Reply<E>) reply);
  }

  private Delivery append(String channel, Object event) {
    channels.computeIfAbsent(channel, name -> new ArrayList<>()).add(event);
    Delivery delivery = new Delivery(++sequence, channel, event);
    pending.add(delivery);
    return delivery;
  }

  /** Delivers pending events in order until {@code last} has reached every consumer, or all when it is null. */
  private void deliverThrough(Delivery last) {
    while (!pending.isEmpty()) {
      Delivery delivery = pending.poll();
      deliver(delivery);
      if (delivery.equals(last)) {
        return;
      }
    }
  }

  private void deliver(Delivery delivery) {
    for (HostedProjector<?, ?> projector : views.values()) {
      if (projector.projector.meta().in().contains(delivery.channel)
          && projector.projector.input().isInstance(delivery.event)) {
        projector.apply(delivery.event);
      }
    }
    for (HostedHandler<?, ?, ?, ?> consumer : handlers) {
      if (consumer.handler.meta().in().contains(delivery.channel) && consumer.accepts(delivery.event)
          && consumer.handle(delivery.event) instanceof Reply.Recorded<?> recorded) {
        append(consumer.handler.meta().out(), recorded.event());
      }
    }
  }

  /** One event on its way to the consumers of its channel; the sequence makes each delivery distinct. */
  private record Delivery(long sequence, String channel, Object event) {}

  /** A handler with one state per entity key, run through its Executor. */
  private final class HostedHandler<I, S, D, E> {
    private final Handler<I, S, D, E> handler;
    private final Executor<I, S, D, E> executor;
    private final Map<String, S> states = new HashMap<>();

    HostedHandler(Handler<I, S, D, E> handler) {
      this.handler = handler;
      this.executor = new Executor<>(handler);
    }

    boolean accepts(Object message) {
      return handler.input().isInstance(message);
    }

    Reply<E> handle(Object message) {
      I input = handler.input().cast(message);
      String key = handler.entityKey(input);
      Executor.Outcome<S, E> outcome = executor.execute(ids, input, states.getOrDefault(key, handler.emptyState()));
      states.put(key, outcome.state());
      return outcome.reply();
    }
  }

  /** A projector with its view's rows, by row key. */
  private static final class HostedProjector<E, V extends Record> {
    private final Projector<E, V> projector;
    private final Map<String, V> rows = new LinkedHashMap<>();

    HostedProjector(Projector<E, V> projector) {
      this.projector = projector;
    }

    void apply(Object message) {
      E event = projector.input().cast(message);
      String key = projector.rowKey(event);
      rows.put(key, projector.project(rows.getOrDefault(key, projector.emptyRow(key)), event));
    }
  }
}
