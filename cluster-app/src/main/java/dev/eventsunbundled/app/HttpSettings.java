package dev.eventsunbundled.app;

import com.typesafe.config.Config;
import java.time.Duration;

/** The API's settings, read from {@code events-unbundled.http} (conf/http.conf). */
public record HttpSettings(
    String host,
    int port,
    long maxBodyBytes,
    int maxInFlight,
    Duration requestTimeout,
    Duration shutdownDeadline,
    int maxDepth,
    int maxComplexity,
    int maxMutations,
    long documentCacheBytes) {

  public static final String PATH = "events-unbundled.http";

  public static HttpSettings from(Config root) {
    Config http = root.getConfig(PATH);
    return new HttpSettings(
        http.getString("interface"),
        http.getInt("port"),
        http.getBytes("max-body-bytes"),
        http.getInt("max-in-flight"),
        http.getDuration("request-timeout"),
        http.getDuration("shutdown-deadline"),
        http.getInt("graphql.max-depth"),
        http.getInt("graphql.max-complexity"),
        http.getInt("graphql.max-mutations"),
        http.getBytes("graphql.document-cache-bytes"));
  }
}
