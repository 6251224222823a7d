package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Counts the requests being answered, so shutdown can wait for them before it closes connections
 * (closing with a response still in flight can truncate it: akka/akka-http#4060, inherited by Pekko HTTP), and
 * so that a node beyond its capacity sheds load at once instead of queueing it.
 */
final class InFlightRequests {

  private int count;
  private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

  Route counted(Supplier<Route> inner) {
    return extractRequest(request -> {
      started();
      return mapResponse(response -> {
        finished();
        return response;
      }, inner);
    });
  }

  /** How many requests are being answered now, this one included. */
  synchronized int count() {
    return count;
  }

  /** Completes once no request is being answered. */
  synchronized CompletableFuture<Void> drained() {
    CompletableFuture<Void> drained = new CompletableFuture<>();
    if (count == 0) {
      drained.complete(null);
    } else {
      waiting.add(drained);
    }
    return drained;
  }

  private synchronized void started() {
    count++;
  }

  private synchronized void finished() {
    count--;
    if (count == 0) {
      waiting.forEach(drained -> drained.complete(null));
      waiting.clear();
    }
  }
}
