package dev.eventsunbundled.app;

import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.mapResponse;

import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request on logger {@code http.access}: method, path, status, latency, correlation id. */
final class AccessLog {

  static final String LOGGER = "http.access";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private AccessLog() {}

  static Route logged(String cid, Supplier<Route> inner) {
    return extractRequest(request -> {
      long start = System.nanoTime();
      return mapResponse(response -> {
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("{} {} {} {}ms cid={}",
            request.method().name(), request.getUri().path(), response.status().intValue(), millis, cid);
        return response;
      }, inner);
    });
  }
}
