package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HeadlessChromium;
import dev.eventsunbundled.app.support.NodeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The live console in a real browser (headless Chromium; -Pcluster, .ci/run installs it): after some invites the
 * rendered page shows the node's address, its functions, a non-zero applied count and the latest correlation ids.
 * Leaves a screenshot in target/console.png (docs/console.png was taken the same way, from node1 of the
 * three-node cluster under load).
 */
class ConsoleInBrowserIT {

  private static final Duration RENDERED = Duration.ofSeconds(30);

  @Test
  void theConsoleShowsTheNodeItsFunctionsAndWhatItApplied() throws Exception {
    try (Node node = NodeFixture.start()) {
      ApiClient api = ApiClient.on(node.port());
      for (int i = 0; i < 5; i++) {
        assertThat(api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"console" + i + "@example.com\"}")
            .status()).isEqualTo(200);
      }
      String address = node.system().address().toString();

      try (HeadlessChromium browser =
          HeadlessChromium.open("http://127.0.0.1:" + node.managementPort() + "/console", 1280, 900)) {
        await().atMost(RENDERED).untilAsserted(() -> {
          assertThat(browser.evaluate("document.getElementById('node-address').textContent")).isEqualTo(address);
          assertThat(browser.evaluate("document.getElementById('functions').innerText"))
              .contains("invite-customer", "verify-customer", "communicate-to-customer", "project-customer");
          assertThat(Long.parseLong(browser.evaluate("document.getElementById('applied-total').textContent")))
              .isGreaterThanOrEqualTo(5);
          assertThat(browser.evaluate("document.getElementById('connection').textContent")).isEqualTo("live");
          assertThat(browser.evaluate("document.getElementById('recent').innerText")).contains("CustomerInvited");
        });
        browser.screenshot(Files.createDirectories(Path.of("target")).resolve("console.png"));
      }
    }
  }
}
