package dev.eventsunbundled.app;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
      ManagementClient.OPTIONS_USAGE);

  private DeadLettersCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Map<String, String> options = options(args, 1);
    String action = args.isEmpty() ? "" : args.get(0);
    boolean needsEntity = action.equals("replay") || action.equals("discard");
    if (!(action.equals("list") || needsEntity) || args.size() % 2 == 0
        || (needsEntity && !(options.containsKey("--consumer") && options.containsKey("--entity")))) {
      err.print(USAGE);
      return 2;
    }
    ManagementClient management = new ManagementClient(options);
    try {
      HttpResponse<String> response = needsEntity
          ? management.post("/deadletters/" + action + "?consumer=" + encode(options.get("--consumer"))
              + "&entity=" + encode(options.get("--entity")))
          : management.get("/deadletters");
      (response.statusCode() == 200 ? out : err).println(response.body());
      return response.statusCode() == 200 ? 0 : 1;
    } catch (Exception e) {
      err.println("No answer from " + management.base() + ": " + e);
      return 1;
    }
  }

  /** {@code --name value} pairs from {@code args}, starting at {@code from}. */
  static Map<String, String> options(List<String> args, int from) {
    Map<String, String> options = new HashMap<>();
    for (int i = from; i + 1 < args.size(); i += 2) {
      options.put(args.get(i), args.get(i + 1));
    }
    return options;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
