package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.NodeFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code deadletters list|replay|discard} against a running node's management port, and its routes. */
class DeadLettersCommandTest {

  private static Node node;
  private static String management;

  @BeforeAll
  static void start() {
    node = NodeFixture.start();
    management = "http://127.0.0.1:" + node.managementPort();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void listingANodeWithoutDeadLettersAnswersAnEmptyList() {
    Run run = run("list", "--management", management);

    assertThat(run.code()).isZero();
    assertThat(run.out().strip()).isEqualTo("[]");
  }

  @Test
  void replayingAndDiscardingAnEntityWithoutLettersDoNothing() {
    Run replay = run("replay", "--consumer", "project-customer", "--entity", "invite-customer|x@p14n.com",
        "--management", management);
    Run discard = run("discard", "--consumer", "verify-customer-from-customer", "--entity", "x",
        "--management", management);

    assertThat(replay.code()).isZero();
    assertThat(replay.out()).contains("\"replayed\":0");
    assertThat(discard.code()).isZero();
    assertThat(discard.out()).contains("\"discarded\":0");
  }

  @Test
  void anUnknownConsumerIsRefusedNamingTheKnownOnes() {
    Run run = run("replay", "--consumer", "nope", "--entity", "x", "--management", management);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("No consumer named nope").contains("project-customer")
        .contains("verify-customer-from-customer");
    assertThat(ApiClient.on(node.managementPort())
        .post("/deadletters/replay?consumer=nope&entity=x", ApiClient.JSON, "").status()).isEqualTo(400);
  }

  @Test
  void badArgumentsPrintTheUsage() {
    assertThat(run("replay", "--consumer", "project-customer").code()).isEqualTo(2);
    assertThat(run("explode").err()).contains("usage: java -jar cluster-app.jar deadletters");
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = DeadLettersCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
