package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.app.support.NodeFixture;
import dev.eventsunbundled.app.support.TestConfigs;
import dev.eventsunbundled.bench.LoadGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The load generator against a real node: a smoke run that proves the tool works, never a timed assertion. */
class BenchSmokeTest {

  @Test
  void threeHundredInvitesAreAllAnsweredInvited() {
    // the generator and the node's answers are under test here, not load shedding: a cold node on a busy machine
    // may hold more than the default 64 requests at once in the first second
    try (Node node = NodeFixture.start(ConfigFactory.parseString("events-unbundled.http.max-in-flight = 512")
        .withFallback(TestConfigs.node(TestConfigs.memoryDb())))) {
      ByteArrayOutputStream report = new ByteArrayOutputStream();
      int exit = LoadGenerator.run(new String[] {
          "--targets", "http://127.0.0.1:" + node.port(), "--mode", "open", "--rate", "100",
          "--requests", "300", "--warmup", "0s", "--fail-on-errors"},
          new PrintStream(report, true, StandardCharsets.UTF_8));

      String text = report.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(text).isZero();
      assertThat(text).contains("ok=300").contains("errors=0");
    }
  }
}
