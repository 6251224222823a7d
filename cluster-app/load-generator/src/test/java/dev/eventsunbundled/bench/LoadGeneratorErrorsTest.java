package dev.eventsunbundled.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.bench.FakeGraphqlNode.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failures are counted by kind, never as successes, and --fail-on-errors turns them into exit code 1. */
class LoadGeneratorErrorsTest {

  private static final Answer[] ROTATION = {Answer.INVITED, Answer.GRAPHQL_ERROR, Answer.HTTP_503, Answer.NOT_INVITED};

  @ParameterizedTest
  @ValueSource(strings = {"open", "closed"})
  void countsEachKindOfFailureSeparately(String mode) throws Exception {
    try (FakeGraphqlNode node = FakeGraphqlNode.start(n -> ROTATION[(int) (n % ROTATION.length)])) {
      BenchResult result = LoadGenerator.execute(BenchOptions.parse("--targets", node.url(), "--mode", mode,
          "--rate", "1000", "--concurrency", "4", "--requests", "40", "--warmup", "0s"));

      assertThat(result.sent()).isEqualTo(40);
      assertThat(result.ok()).isEqualTo(10);
      assertThat(result.errors()).containsEntry(ErrorKind.GRAPHQL, 10L).containsEntry(ErrorKind.HTTP_STATUS, 10L)
          .containsEntry(ErrorKind.UNEXPECTED, 10L).containsEntry(ErrorKind.TIMEOUT, 0L)
          .containsEntry(ErrorKind.CONNECTION, 0L);
      assertThat(result.httpStatuses()).isEqualTo(Map.of(503, 10L));
      assertThat(result.samples()).containsOnlyKeys(ErrorKind.GRAPHQL, ErrorKind.HTTP_STATUS, ErrorKind.UNEXPECTED);
      assertThat(result.latencyMicros().getTotalCount()).isEqualTo(10);
    }
  }

  @Test
  void exitsWithOneOnErrorsOnlyWhenAskedAndPrintsSampleMessages() throws Exception {
    try (FakeGraphqlNode node = FakeGraphqlNode.start(n -> n == 0 ? Answer.HTTP_503 : Answer.INVITED)) {
      String[] args = {"--targets", node.url(), "--mode", "closed", "--concurrency", "1", "--requests", "5",
          "--warmup", "0s"};
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

      assertThat(LoadGenerator.run(args, out)).isZero();
      String[] strict = {"--targets", node.url(), "--mode", "closed", "--requests", "5", "--warmup", "0s",
          "--fail-on-errors"};
      assertThat(LoadGenerator.run(strict, out)).isEqualTo(1);
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .contains("sample error http 503: {\"message\":\"overloaded\"}")
          .contains("errors=1 http=1 graphql=0");
    }
  }

  @Test
  void countsUnansweredRequestsAsTimeouts() throws Exception {
    try (FakeGraphqlNode node = FakeGraphqlNode.start(n -> Answer.NO_ANSWER)) {
      BenchResult result = LoadGenerator.execute(BenchOptions.parse("--targets", node.url(), "--mode", "closed",
          "--concurrency", "3", "--requests", "3", "--warmup", "0s", "--timeout", "300ms"));

      assertThat(result.ok()).isZero();
      assertThat(result.timeouts()).isEqualTo(3);
      assertThat(result.failed()).isEqualTo(3);
      assertThat(result.samples()).containsOnlyKeys(ErrorKind.TIMEOUT);
    }
  }

  @Test
  void countsRefusedConnectionsAsConnectionErrors() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    BenchResult result = LoadGenerator.execute(BenchOptions.parse("--targets", "http://127.0.0.1:" + closedPort,
        "--mode", "open", "--rate", "1000", "--requests", "5", "--warmup", "0s"));

    assertThat(result.ok()).isZero();
    assertThat(result.errors()).containsEntry(ErrorKind.CONNECTION, 5L);
    assertThat(result.samples().get(ErrorKind.CONNECTION)).startsWith("connection: ");
  }
}
