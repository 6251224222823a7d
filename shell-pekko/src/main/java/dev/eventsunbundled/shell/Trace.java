package dev.eventsunbundled.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per step of a request on logger {@code events-unbundled.trace} at DEBUG (off unless that logger is
 * enabled), with the request's correlation id in the MDC as {@code correlationId}: entity, view, channel, resolver.
 */
public final class Trace {

  /** The MDC key every traced line carries. */
  public static final String CORRELATION_ID = "correlationId";

  private static final Logger LOG = LoggerFactory.getLogger("events-unbundled.trace");

  private Trace() {}

  static void step(String correlationId, String format, Object... args) {
    if (correlationId == null || !LOG.isDebugEnabled()) {
      return;
    }
    String outer = MDC.get(CORRELATION_ID);
    MDC.put(CORRELATION_ID, correlationId);
    try {
      LOG.debug(format, args);
    } finally {
      if (outer == null) {
        MDC.remove(CORRELATION_ID);
      } else {
        MDC.put(CORRELATION_ID, outer);
      }
    }
  }
}
