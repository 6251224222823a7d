package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** conf/http.conf's defaults: the seed's port, a loopback interface and small, safe limits. */
class HttpSettingsTest {

  @Test
  void defaultsServeTheSeedsPortOnLoopback() {
    HttpSettings settings = HttpSettings.from(ConfigFactory.load(ConfigFactory.parseResources("http.conf")));

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(System.getenv("HTTP_PORT") == null ? 8080 : Integer.parseInt(System.getenv("HTTP_PORT")));
    assertThat(settings.maxBodyBytes()).isEqualTo(64 * 1024);
    assertThat(settings.requestTimeout()).isGreaterThan(Duration.ofSeconds(5));
    assertThat(settings.maxDepth()).isPositive();
    assertThat(settings.maxComplexity()).isPositive();
  }

  @Test
  void theRoutesDeadlineLiesBetweenTheShellsResolveTimeoutAndTheServersRequestTimeout() {
    var config = ConfigFactory.load();
    var routesDeadline = HttpSettings.from(config).requestTimeout();

    assertThat(routesDeadline).isLessThan(config.getDuration("pekko.http.server.request-timeout"));
    if (config.hasPath("events-unbundled.resolve-timeout")) {
      assertThat(routesDeadline).isGreaterThan(config.getDuration("events-unbundled.resolve-timeout"));
    }
  }
}
