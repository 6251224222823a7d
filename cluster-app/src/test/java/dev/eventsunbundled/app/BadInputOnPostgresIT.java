package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiTarget;

/** Bad input against a whole node on PostgreSQL: clear errors, nothing lost (mvn verify -Pcluster). */
class BadInputOnPostgresIT extends BadInputContract {

  @Override
  protected ApiTarget open() {
    return ApiTarget.postgresNode();
  }
}
