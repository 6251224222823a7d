package dev.eventsunbundled.app;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code java -jar cluster-app.jar deadletters list|replay|discard}: the management port's dead-letter routes. */
final class DeadLettersCommand {

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar cluster-app.jar deadletters list [--management URL] [--user NAME:SECRET]",
      "       java -jar cluster-app.jar deadletters replay|discard --consumer NAME --entity PERSISTENCE-ID"
          + " [--management URL] [--user NAME:SECRET]",
      "  list      every dead letter: consumer, entity, sequence number, failed or waiting, error",
      "  replay    apply the entity's letters of that consumer in order (all or none), then remove them",
      "  discard   remove them unapplied; the entity's later events flow again",
      "  --management URL   a running node's management endpoint (default http://127.0.0.1:8558)",
      "  --user NAME:SECRET an API key, when the node has API_KEYS (management asks for HTTP Basic)",
      "exit code: 0 done, 1 refused or unreachable, 2 bad arguments",
      "");

  private DeadLettersCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.size(); i += 2) {
      options.put(args.get(i), args.get(i + 1));
    }
    String action = args.isEmpty() ? "" : args.get(0);
    boolean needsEntity = action.equals("replay") || action.equals("discard");
    if (!(action.equals("list") || needsEntity) || args.size() % 2 == 0
        || (needsEntity && !(options.containsKey("--consumer") && options.containsKey("--entity")))) {
      err.print(USAGE);
      return 2;
    }
    String base = options.getOrDefault("--management", "http://127.0.0.1:8558");
    HttpRequest.Builder builder = needsEntity
        ? HttpRequest.newBuilder(URI.create(base + "/deadletters/" + action + "?consumer="
            + encode(options.get("--consumer")) + "&entity=" + encode(options.get("--entity"))))
            .POST(HttpRequest.BodyPublishers.noBody())
        : HttpRequest.newBuilder(URI.create(base + "/deadletters"));
    if (options.containsKey("--user")) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(options.get("--user").getBytes(StandardCharsets.UTF_8)));
    }
    HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
    try {
      var response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
      (response.statusCode() == 200 ? out : err).println(response.body());
      return response.statusCode() == 200 ? 0 : 1;
    } catch (Exception e) {
      err.println("No answer from " + base + ": " + e);
      return 1;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
