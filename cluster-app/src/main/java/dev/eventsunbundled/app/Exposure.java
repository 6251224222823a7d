package dev.eventsunbundled.app;

import com.typesafe.config.Config;

/**
 * What a node may expose without credentials: only loopback. The API beyond loopback needs API keys or a JWT
 * verifier; management beyond loopback needs API keys (it asks for one as HTTP Basic). Checked before anything starts.
 */
final class Exposure {

  private Exposure() {}

  /** Fails, naming what to set, when the API or management is to listen beyond loopback unprotected. */
  static void check(Config config) {
    HttpSettings settings = HttpSettings.from(config);
    ApiAuth auth = ApiAuth.from(config.getConfig(HttpSettings.PATH));
    checkApi(settings, auth);
    String management = config.getString("pekko.management.http.hostname");
    if (!auth.hasKeys() && !HttpSettings.isLoopback(management)) {
      throw new IllegalStateException("Management is to listen on " + management + ", beyond loopback, with no"
          + " authentication: set API_KEYS=name:secret,... (then it asks for HTTP Basic name:secret), or"
          + " MANAGEMENT_HOST=127.0.0.1");
    }
  }

  static void checkApi(HttpSettings settings, ApiAuth auth) {
    if (!auth.enabled() && !settings.loopback()) {
      throw new IllegalStateException("The API is to listen on " + settings.host() + ", beyond loopback, with no"
          + " authentication: set API_KEYS=name:secret,... or JWT_SECRET / JWT_JWKS, or HTTP_HOST=127.0.0.1");
    }
  }
}
