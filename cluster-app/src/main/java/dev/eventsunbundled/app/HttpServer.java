package dev.eventsunbundled.app;

import java.time.Duration;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the API and hands it to CoordinatedShutdown: unbind first, then drain in-flight requests. */
public final class HttpServer {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

  private HttpServer() {}

  public static ServerBinding start(ActorSystem<?> system, Route route, HttpSettings settings) {
    ServerBinding binding = Futures.await(
        Http.get(system).newServerAt(settings.host(), settings.port()).bind(route), BIND_TIMEOUT);
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "http-api-unbind", binding::unbind);
    shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "http-api-drain",
        () -> binding.terminate(settings.shutdownDeadline()).thenApply(terminated -> Done.done()));
    log.info("HTTP API listening on http://{}:{}", settings.host(), binding.localAddress().getPort());
    return binding;
  }
}
