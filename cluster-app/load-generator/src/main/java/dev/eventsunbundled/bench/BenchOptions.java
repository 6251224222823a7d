package dev.eventsunbundled.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The load generator's command-line options, parsed by hand and validated. */
record BenchOptions(
    List<URI> targets,
    Mode mode,
    double rate,
    int concurrency,
    Duration duration,
    Duration warmup,
    long requests,
    Duration timeout,
    String emailPrefix,
    boolean failOnErrors,
    boolean help) {

  /** Open loop sends at a fixed rate; closed loop keeps N clients busy. */
  enum Mode { OPEN, CLOSED }

  static final String USAGE = """
      usage: java -jar cluster-app.jar bench [options]
        --targets URL[,URL..]  HTTP nodes, used round-robin (default http://127.0.0.1:8080);
                               a URL without a path gets /graphql
        --mode open|closed     open: fixed rate, latency from the intended send time;
                               closed: N clients, each sends when its previous answer arrived (default open)
        --rate N               requests per second in open mode (default 100)
        --concurrency N        clients in closed mode (default 16); in-flight cap in open mode (default 256)
        --duration D           measured phase, e.g. 20s, 500ms, 1m (default 20s)
        --warmup D             phase before it, sent but not recorded (default 5s)
        --requests N           stop after N measured requests instead of after --duration
        --timeout D            per-request timeout (default 5s)
        --email-prefix P       emails are P-<n>@bench.test (default a random run id, so always new)
        --fail-on-errors       exit 1 when any request failed or timed out
        --help                 print this text
      exit code: 0 run completed (even with errors), 1 errors with --fail-on-errors, 2 bad arguments""";

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._+-]{1,40}");

  /** Thrown for arguments the generator cannot run with; the message says what to fix. */
  static final class BadArguments extends RuntimeException {
    BadArguments(String message) {
      super(message);
    }
  }

  static BenchOptions parse(String... args) {
    String targets = "http://127.0.0.1:8080";
    String mode = "open";
    String rate = "100";
    String concurrency = null;
    String duration = "20s";
    String warmup = "5s";
    String requests = "0";
    String timeout = "5s";
    String prefix = "bench" + UUID.randomUUID().toString().substring(0, 8);
    boolean failOnErrors = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      String inline = arg.startsWith("--") && eq > 0 ? arg.substring(eq + 1) : null;
      if (name.equals("--help") || name.equals("-h")) {
        help = true;
        continue;
      }
      if (name.equals("--fail-on-errors")) {
        failOnErrors = true;
        continue;
      }
      if (!List.of("--targets", "--mode", "--rate", "--concurrency", "--duration", "--warmup",
          "--requests", "--timeout", "--email-prefix").contains(name)) {
        throw new BadArguments("unknown option " + arg);
      }
      if (inline == null && i + 1 >= args.length) {
        throw new BadArguments(name + " needs a value");
      }
      String value = inline != null ? inline : args[++i];
      switch (name) {
        case "--targets" -> targets = value;
        case "--mode" -> mode = value;
        case "--rate" -> rate = value;
        case "--concurrency" -> concurrency = value;
        case "--duration" -> duration = value;
        case "--warmup" -> warmup = value;
        case "--requests" -> requests = value;
        case "--timeout" -> timeout = value;
        default -> prefix = value;
      }
    }
    Mode m = mode(mode);
    long clients = concurrency == null ? (m == Mode.OPEN ? 256 : 16) : integer("--concurrency", concurrency);
    if (clients < 1 || clients > 10_000) {
      throw new BadArguments("--concurrency must be between 1 and 10000");
    }
    double perSecond = number("--rate", rate);
    if (perSecond <= 0) {
      throw new BadArguments("--rate must be greater than zero");
    }
    return new BenchOptions(targets(targets), m, perSecond, (int) clients,
        positive("--duration", duration("--duration", duration)), duration("--warmup", warmup),
        integer("--requests", requests), positive("--timeout", duration("--timeout", timeout)),
        prefix(prefix), failOnErrors, help);
  }

  /** The configuration as one line, printed before the run starts. */
  String describe() {
    String length = requests > 0 ? "requests=" + requests : "duration=" + format(duration);
    String pace = mode == Mode.OPEN ? "rate=" + format(rate) + "/s in-flight-cap=" + concurrency : "clients=" + concurrency;
    return "bench mode=" + mode.name().toLowerCase(Locale.ROOT) + " targets=" + targets + " " + pace + " " + length
        + " warmup=" + format(warmup) + " timeout=" + format(timeout) + " emails=" + emailPrefix + "-<n>@bench.test";
  }

  static String format(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static Mode mode(String value) {
    if (value.equals("open") || value.equals("closed")) {
      return Mode.valueOf(value.toUpperCase(Locale.ROOT));
    }
    throw new BadArguments("--mode must be open or closed, not '" + value + "'");
  }

  private static List<URI> targets(String value) {
    List<URI> uris = new ArrayList<>();
    for (String part : value.split(",")) {
      URI uri;
      try {
        uri = URI.create(part.trim());
      } catch (IllegalArgumentException e) {
        throw new BadArguments("--targets: '" + part + "' is not a URL");
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new BadArguments("--targets: '" + part + "' is not an http(s)://host:port URL");
      }
      String path = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/") ? "/graphql" : uri.getPath();
      uris.add(uri.resolve(path));
    }
    return List.copyOf(uris);
  }

  private static double number(String option, String value) {
    try {
      double n = Double.parseDouble(value);
      if (n < 0 || Double.isNaN(n) || Double.isInfinite(n)) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadArguments(option + " must be a non-negative number, not '" + value + "'");
    }
  }

  private static Duration duration(String option, String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new BadArguments(option + " must be a duration like 20s, 500ms or 1m, not '" + value + "'");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return unit.equals("ms") ? Duration.ofMillis(amount) : unit.equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
  }

  private static long integer(String option, String value) {
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadArguments(option + " must be a whole number >= 0, not '" + value + "'");
    }
  }

  private static Duration positive(String option, Duration value) {
    if (value.isZero()) {
      throw new BadArguments(option + " must be longer than zero");
    }
    return value;
  }

  private static String prefix(String value) {
    if (!PREFIX.matcher(value).matches()) {
      throw new BadArguments("--email-prefix must be 1-40 letters, digits or ._+-, not '" + value + "'");
    }
    return value;
  }
}
