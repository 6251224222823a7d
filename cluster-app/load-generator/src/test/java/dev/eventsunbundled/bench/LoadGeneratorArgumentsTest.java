package dev.eventsunbundled.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arguments: sensible defaults, both --opt value and --opt=value, and exit code 2 with a reason for bad ones. */
class LoadGeneratorArgumentsTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryOptionAndExitsZero() {
    assertThat(LoadGenerator.run(new String[] {"--help"}, out)).isZero();
    assertThat(printed()).contains("--targets", "--mode", "--rate", "--concurrency", "--duration", "--warmup",
        "--requests", "--timeout", "--email-prefix", "--fail-on-errors", "--help");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--bogus                         | unknown option --bogus",
      "--mode sideways                 | --mode must be open or closed",
      "--rate 0                        | --rate must be greater than zero",
      "--rate fast                     | --rate must be a non-negative number",
      "--concurrency 0                 | --concurrency must be between 1 and 10000",
      "--concurrency 2.5               | --concurrency must be a whole number",
      "--duration 20seconds            | --duration must be a duration like 20s",
      "--duration 0s                   | --duration must be longer than zero",
      "--requests -1                   | --requests must be a whole number",
      "--timeout                       | --timeout needs a value",
      "--targets ftp://127.0.0.1:21    | is not an http(s)://host:port URL",
      "--email-prefix a@b              | --email-prefix must be 1-40 letters"})
  void rejectsBadArgumentsWithExitCodeTwoAndSaysWhy(String args, String reason) {
    assertThat(LoadGenerator.run(args.trim().split("\\s+"), out)).isEqualTo(2);
    assertThat(printed()).startsWith("bench: ").contains(reason).contains("usage: java -jar cluster-app.jar bench");
  }

  @Test
  void defaultsToAnOpenLoopAgainstTheLocalNodeWithAFreshEmailPrefixPerRun() {
    BenchOptions options = BenchOptions.parse();
    assertThat(options.targets()).containsExactly(URI.create("http://127.0.0.1:8080/graphql"));
    assertThat(options.mode()).isEqualTo(BenchOptions.Mode.OPEN);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.requests()).isZero();
    assertThat(options.failOnErrors()).isFalse();
    assertThat(options.emailPrefix()).isNotEqualTo(BenchOptions.parse().emailPrefix());
  }

  @Test
  void acceptsInlineValuesAndKeepsAnExplicitPath() {
    BenchOptions options = BenchOptions.parse("--targets=http://a:8080,http://b:8081/,http://c:8082/api",
        "--mode=closed", "--duration=1m", "--warmup=0", "--timeout", "750ms");
    assertThat(options.targets()).isEqualTo(List.of(URI.create("http://a:8080/graphql"),
        URI.create("http://b:8081/graphql"), URI.create("http://c:8082/api")));
    assertThat(options.concurrency()).isEqualTo(16);
    assertThat(options.duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(options.warmup()).isZero();
    assertThat(options.timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(options.describe()).contains("mode=closed", "clients=16", "duration=60s", "timeout=750ms");
  }
}
