package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiTarget;

/** The API contract over real HTTP against the three-node cluster on PostgreSQL (mvn verify -Pcluster). */
class ApiOnClusterIT extends ApiContract {

  @Override
  protected ApiTarget open() {
    return ApiTarget.cluster();
  }
}
