package dev.eventsunbundled.app;

import com.typesafe.config.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
    long documentCacheBytes,
    double mutationsPerSecond,
    double mutationBurst) {

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
        http.getBytes("graphql.document-cache-bytes"),
        http.getDouble("auth.rate-limit.mutations-per-second"),
        http.getDouble("auth.rate-limit.burst"));
  }

  /** Whether the API binds to a loopback address only. */
  public boolean loopback() {
    return isLoopback(host);
  }

  /** Whether {@code host} names a loopback address. */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
