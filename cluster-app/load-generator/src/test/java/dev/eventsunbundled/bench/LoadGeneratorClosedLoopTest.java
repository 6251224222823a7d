package dev.eventsunbundled.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Closed loop: N clients keep sending until the measured requests or the duration are used up. */
class LoadGeneratorClosedLoopTest {

  @Test
  void countsEveryRequestOfEveryClientAndReportsThroughput() throws Exception {
    try (FakeGraphqlNode node = FakeGraphqlNode.invitingEveryone()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int exit = LoadGenerator.run(new String[] {"--targets", node.url(), "--mode", "closed", "--concurrency", "4",
          "--requests", "200", "--warmup", "0s", "--fail-on-errors"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      String report = bytes.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(report).isZero();
      assertThat(report).contains("RESULT mode=closed concurrency=4 sent=200 ok=200 errors=0 ");
      assertThat(node.emails()).hasSize(200).doesNotHaveDuplicates();
    }
  }

  @Test
  void spreadsRequestsRoundRobinOverTheTargets() throws Exception {
    try (FakeGraphqlNode first = FakeGraphqlNode.invitingEveryone();
        FakeGraphqlNode second = FakeGraphqlNode.invitingEveryone()) {
      BenchResult result = LoadGenerator.execute(BenchOptions.parse("--targets", first.url() + "," + second.url(),
          "--mode", "closed", "--concurrency", "3", "--requests", "40", "--warmup", "0s"));

      assertThat(result.ok()).isEqualTo(40);
      assertThat(first.emails()).hasSize(20);
      assertThat(second.emails()).hasSize(20);
    }
  }

  @Test
  void sendsWarmupRequestsWithoutRecordingThemAndStopsAfterTheDuration() throws Exception {
    try (FakeGraphqlNode node = FakeGraphqlNode.invitingEveryone()) {
      BenchResult result = LoadGenerator.execute(BenchOptions.parse("--targets", node.url(), "--mode", "closed",
          "--concurrency", "2", "--warmup", "100ms", "--duration", "300ms"));

      assertThat(result.sent()).isPositive();
      assertThat(result.ok()).isEqualTo(result.sent());
      assertThat(result.throughput()).isPositive();
      assertThat((long) node.emails().size()).isGreaterThanOrEqualTo(result.sent());
    }
  }
}
