package dev.eventsunbundled.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeOK;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The live console on the management port (pekko.management.http.routes.console): {@code GET /console} is one
 * self-contained page, {@code /console/state} this node now as JSON, {@code /console/events} the same every
 * second as server-sent events.
 */
public final class ConsoleRoutes implements ManagementRouteProvider {

  private static final Duration EVERY = Duration.ofSeconds(1);

  private final NodeConsole console;
  private final byte[] page;

  public ConsoleRoutes(ExtendedActorSystem system) {
    this.console = NodeConsole.get(Adapter.toTyped(system));
    this.page = resource("console.html");
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return pathPrefix("console", () -> concat(
        pathEnd(() -> get(() -> complete(HttpResponse.create().withEntity(ContentTypes.TEXT_HTML_UTF8, page)))),
        path("state", () -> get(() -> complete(Json.ok(console.snapshot())))),
        path("events", () -> get(() -> completeOK(snapshots(), EventStreamMarshalling.toEventStream())))));
  }

  private Source<ServerSentEvent, NotUsed> snapshots() {
    return Source.tick(Duration.ZERO, EVERY, "tick")
        .map(tick -> ServerSentEvent.create(new String(Json.bytes(console.snapshot()), UTF_8)))
        .mapMaterializedValue(cancellable -> NotUsed.getInstance());
  }

  private static byte[] resource(String name) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
