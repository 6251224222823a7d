package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiTarget;

/** The API contract over real HTTP against a whole node on PostgreSQL (mvn verify -Pcluster). */
class ApiOnPostgresIT extends ApiContract {

  @Override
  protected ApiTarget open() {
    return ApiTarget.postgresNode();
  }
}
