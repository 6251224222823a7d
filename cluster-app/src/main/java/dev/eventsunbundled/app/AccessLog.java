package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import dev.eventsunbundled.shell.Trace;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request on logger {@code http.access} (method, path, status, latency; the correlation id in the
 * MDC), and the request in the node's metrics.
 */
final class AccessLog {

  static final String LOGGER = "http.access";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private AccessLog() {}

  static Route logged(String cid, NodeMetrics metrics, Supplier<Route> inner) {
    return extractRequest(request -> {
      long start = System.nanoTime();
      return mapResponse(response -> {
        long nanos = System.nanoTime() - start;
        metrics.request(request.method().name(), request.getUri().path(), response.status().intValue(), nanos);
        MDC.put(Trace.CORRELATION_ID, cid);
        try {
          log.info("{} {} {} {}ms",
              request.method().name(), request.getUri().path(), response.status().intValue(), nanos / 1_000_000);
        } finally {
          MDC.remove(Trace.CORRELATION_ID);
        }
        return response;
      }, inner);
    });
  }
}
