package dev.eventsunbundled.app;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.pattern.Patterns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the API and hands it to CoordinatedShutdown: unbind first, then wait (up to the shutdown deadline)
 * until no request is in flight and its response has had time to leave, and only then close the connections.
 */
public final class HttpServer {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(1);
  /** A response counted as answered may still be on its way to the socket; closing now could truncate it. */
  private static final Duration FLUSH_GRACE = Duration.ofMillis(250);

  private HttpServer() {}

  public static ServerBinding start(ActorSystem<?> system, HttpApi api) {
    HttpSettings settings = api.settings();
    ServerBinding binding = Futures.await(
        Http.get(system).newServerAt(settings.host(), settings.port()).bind(api.route()), BIND_TIMEOUT);
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "http-api-unbind", binding::unbind);
    shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "http-api-drain", () -> api.drained()
        .orTimeout(settings.shutdownDeadline().toMillis(), TimeUnit.MILLISECONDS)
        .handle((drained, late) -> Done.done())
        .thenCompose(done -> Patterns.after(FLUSH_GRACE, system, () -> binding.terminate(CLOSE_DEADLINE)))
        .thenApply(terminated -> Done.done()));
    log.info("HTTP API listening on http://{}:{}", settings.host(), binding.localAddress().getPort());
    return binding;
  }
}
