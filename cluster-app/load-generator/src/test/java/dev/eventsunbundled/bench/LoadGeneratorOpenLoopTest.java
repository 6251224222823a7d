package dev.eventsunbundled.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Open loop: one request per interval of the schedule; warm-up is sent but not recorded. */
class LoadGeneratorOpenLoopTest {

  @Test
  void sendsOneRequestPerScheduledIntervalAndRecordsOnlyTheMeasuredPhase() throws Exception {
    try (FakeGraphqlNode node = FakeGraphqlNode.invitingEveryone()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int exit = LoadGenerator.run(new String[] {"--targets", node.url(), "--mode", "open", "--rate", "100",
          "--warmup", "200ms", "--duration", "500ms", "--fail-on-errors"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      String report = bytes.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(report).isZero();
      assertThat(node.emails()).hasSize(20 + 50);
      assertThat(report).contains("RESULT mode=open rate=100 ").contains(" sent=50 ok=50 errors=0 ")
          .contains("p50=").contains("p90=").contains("p99=").contains("p999=").contains("max=");
    }
  }

  @Test
  void stopsAfterTheRequestedNumberOfMeasuredRequestsEachWithANewEmail() throws Exception {
    try (FakeGraphqlNode node = FakeGraphqlNode.invitingEveryone()) {
      BenchResult result = LoadGenerator.execute(BenchOptions.parse("--targets", node.url(), "--rate", "1000",
          "--requests", "300", "--warmup", "0s", "--email-prefix", "smoke"));

      assertThat(result.sent()).isEqualTo(300);
      assertThat(result.ok()).isEqualTo(300);
      assertThat(result.failed()).isZero();
      assertThat(result.latencyMicros().getTotalCount()).isEqualTo(300);
      assertThat(node.emails()).hasSize(300).doesNotHaveDuplicates()
          .allMatch(email -> email.matches("smoke-\\d+@bench\\.test"));
    }
  }

  @Test
  void countsRequestsThatWaitedForTheInFlightCap() throws Exception {
    try (FakeGraphqlNode node = FakeGraphqlNode.invitingEveryone()) {
      BenchResult result = LoadGenerator.execute(BenchOptions.parse("--targets", node.url(), "--rate", "2000",
          "--concurrency", "1", "--requests", "50", "--warmup", "0s"));

      assertThat(result.sent()).isEqualTo(50);
      assertThat(result.ok()).isEqualTo(50);
      assertThat(node.emails()).hasSize(50);
    }
  }
}
