package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

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
    try (Node node = NodeFixture.start(TestConfigs.node(TestConfigs.memoryDb()))) {
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
