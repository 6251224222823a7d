package dev.eventsunbundled.app;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Correlation ids: the caller's {@code X-Correlation-Id} when it is sane, otherwise a new UUID. */
public final class CorrelationIds {

  public static final String HEADER = "X-Correlation-Id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private CorrelationIds() {}

  static String accept(Optional<String> offered) {
    return offered.map(String::strip).filter(id -> SANE.matcher(id).matches()).orElseGet(CorrelationIds::fresh);
  }

  static String fresh() {
    return UUID.randomUUID().toString();
  }
}
