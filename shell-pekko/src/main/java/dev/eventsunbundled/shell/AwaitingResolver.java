package dev.eventsunbundled.shell;

import dev.eventsunbundled.low.Answer;
import dev.eventsunbundled.low.Handler;
import dev.eventsunbundled.low.Resolver;
import dev.eventsunbundled.low.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Asks the handler entity, lets the function's resolver choose the answer, and — for a view row — waits
 * until the view has applied the entity's causal token before reading it: the caller reads its own write.
 */
final class AwaitingResolver {

  private final ActorSystem<?> system;
  private final Entities entities;
  private final Map<String, Handler<?, ?, ?, ?>> handlers;
  private final ViewReader views;
  private final ActorRef<ViewWatcher.Command> watcher;
  private final Duration timeout;
  private static final Duration FIRST_RECHECK = Duration.ofMillis(500);
  private static final Duration MAX_RECHECK = Duration.ofSeconds(2);

  AwaitingResolver(ActorSystem<?> system, Map<String, Handler<?, ?, ?, ?>> handlers, ViewReader views,
      ActorRef<ViewWatcher.Command> watcher, Duration timeout) {
    this.system = system;
    this.entities = Entities.get(system);
    this.handlers = Map.copyOf(handlers);
    this.views = views;
    this.watcher = watcher;
    this.timeout = timeout;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  <C, V extends Record> CompletionStage<V> resolve(Resolver<C, ?, V> resolver, C request, String correlationId,
      String caller) {
    Instant deadline = Instant.now().plus(timeout);
    Handler handler = handlers.get(resolver.meta().in().get(0));
    if (handler == null) {
      throw new IllegalArgumentException("Resolver " + resolver.meta().name() + " asks an unknown handler "
          + resolver.meta().in());
    }
    String name = resolver.meta().name();
    Optional<String> problem = resolver.problem(request);
    if (problem.isPresent()) {
      ShellMetrics.get(system).resolved(name, "refused", 0);
      Trace.step(correlationId, "resolver {} refuses at the edge: {}", name, problem.get());
      return CompletableFuture.failedFuture(new Refused(problem.get(), correlationId));
    }
    String view = resolver.meta().out();
    String entityId = entities.id(handler.entityKey(request));
    Trace.step(correlationId, "resolver {} asks {} {}", name, handler.meta().name(), entityId);
    CompletionStage<V> answer = Stages.plain(entities.of(handler, handler.entityKey(request))
            .<EntityReply>ask(replyTo -> new HandlerEntity.Handle(request, null, replyTo, watcher, correlationId,
                caller),
                timeout))
        .thenCompose(reply -> {
          Answer decided = ((Resolver) resolver).answer(request, (Reply) reply.toReply());
          if (decided instanceof Answer.Refuse refuse) {
            Trace.step(correlationId, "resolver {} refuses: {}", name, refuse.message());
            throw new Refused(refuse.message(), correlationId);
          }
          String key = ((Answer.ShowRow) decided).key();
          Trace.step(correlationId, "resolver {} waits for view {} to apply {}", name, view, reply.token());
          return awaitApplied(view, reply.token(), deadline)
              .thenCompose(done -> views.row(views.<V>table(view).view(), key))
              .thenApply(row -> row.orElseThrow(() -> new IllegalStateException(
                  "View " + view + " has applied " + reply.token() + " but has no row " + key)));
        });
    long started = System.nanoTime();
    return answer.toCompletableFuture()
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((row, failure) -> {
          String outcome = outcome(failure);
          ShellMetrics.get(system).resolved(name, outcome, System.nanoTime() - started);
          Trace.step(correlationId, "resolver {} {} after {} ms", name, outcome,
              (System.nanoTime() - started) / 1_000_000);
        })
        .exceptionally(failure -> {
          throw translate(failure, correlationId);
        });
  }

  private static String outcome(Throwable failure) {
    if (failure == null) {
      return "answered";
    }
    RuntimeException translated = translate(failure, "");
    return translated instanceof Refused ? "refused" : translated instanceof ResolveTimeout ? "timeout" : "failed";
  }

  /**
   * Completes when the view has applied the token: on the watcher's signal (the primary path), or on a database
   * check after a pause, repeated with growing pauses, a safety net for a signal lost in transit. (A signal that
   * came before the request asked is remembered by the watcher.)
   */
  private CompletionStage<Done> awaitApplied(String view, Token token, Instant deadline) {
    if (token.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    CompletableFuture<Done> applied = new CompletableFuture<>();
    Stages.plain(AskPattern.<ViewWatcher.Command, Done>ask(watcher,
            replyTo -> new ViewWatcher.Await(view, token, deadline, replyTo),
            Duration.between(Instant.now(), deadline), system.scheduler()))
        .thenAccept(applied::complete);
    recheckAfter(FIRST_RECHECK, view, token, applied, deadline);
    return applied;
  }

  private void recheckAfter(Duration pause, String view, Token token, CompletableFuture<Done> applied,
      Instant deadline) {
    if (!Instant.now().plus(pause).isBefore(deadline)) {
      return;
    }
    Duration next = pause.multipliedBy(2).compareTo(MAX_RECHECK) > 0 ? MAX_RECHECK : pause.multipliedBy(2);
    system.scheduler().scheduleOnce(pause, () -> {
      if (!applied.isDone()) {
        views.hasApplied(view, token).thenAccept(done -> {
          if (done) {
            applied.complete(Done.getInstance());
          } else {
            recheckAfter(next, view, token, applied, deadline);
          }
        });
      }
    }, system.executionContext());
  }

  private static RuntimeException translate(Throwable failure, String correlationId) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof Refused refused) {
      return refused;
    }
    if (cause instanceof TimeoutException) {
      return new ResolveTimeout("No projected answer in time; the request may still take effect."
          + " Correlation id: " + correlationId, correlationId);
    }
    return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
  }
}
