package dev.eventsunbundled.app;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A contract run once per class against the target a subclass opens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiUnderTest {

  protected ApiClient api;
  private ApiTarget target;

  protected abstract ApiTarget open();

  @BeforeAll
  void startApi() {
    target = open();
    api = target.client();
  }

  @AfterAll
  void stopApi() {
    if (target != null) {
      target.close();
    }
  }
}
