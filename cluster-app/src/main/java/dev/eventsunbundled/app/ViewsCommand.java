package dev.eventsunbundled.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code java -jar cluster-app.jar views list|rebuild}: each view's generations, and a rebuild from the journal with
 * its progress, through a running node's management port.
 */
final class ViewsCommand {

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar cluster-app.jar views list [--management URL] [--user NAME:SECRET]",
      "       java -jar cluster-app.jar views rebuild VIEW [--management URL] [--user NAME:SECRET]",
      "  list      each view: the generation serving reads, and the one being built with its progress",
      "  rebuild   build VIEW anew from the start of the journal next to the serving table, which serves until the",
      "            new one has caught up; prints the progress until the new generation serves",
      ManagementClient.OPTIONS_USAGE);

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

  private ViewsCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String action = args.isEmpty() ? "" : args.get(0);
    int optionsFrom = action.equals("rebuild") ? 2 : 1;
    if (!(action.equals("list") || (action.equals("rebuild") && args.size() >= 2))
        || (args.size() - optionsFrom) % 2 != 0) {
      err.print(USAGE);
      return 2;
    }
    Map<String, String> options = DeadLettersCommand.options(args, optionsFrom);
    ManagementClient management = new ManagementClient(options);
    try {
      if (action.equals("list")) {
        return print(management.get("/views"), out, err);
      }
      HttpResponse<String> started = management.post(
          "/views/" + URLEncoder.encode(args.get(1), StandardCharsets.UTF_8) + "/rebuild");
      if (started.statusCode() != 200) {
        err.println(started.body());
        return 1;
      }
      return follow(management, args.get(1), Json.MAPPER.readTree(started.body()).path("building").asInt(), out, err);
    } catch (Exception e) {
      err.println("No answer from " + management.base() + ": " + e);
      return 1;
    }
  }

  private static int print(HttpResponse<String> response, PrintStream out, PrintStream err) {
    (response.statusCode() == 200 ? out : err).println(response.body());
    return response.statusCode() == 200 ? 0 : 1;
  }

  /** Prints the build's progress every second until the generation serves. */
  private static int follow(ManagementClient management, String view, int generation, PrintStream out,
      PrintStream err) throws Exception {
    while (true) {
      HttpResponse<String> response = management.get("/views");
      if (response.statusCode() != 200) {
        err.println(response.body());
        return 1;
      }
      JsonNode status = null;
      for (JsonNode one : Json.MAPPER.readTree(response.body()).path("views")) {
        if (one.path("view").asText().equals(view)) {
          status = one;
        }
      }
      if (status == null) {
        err.println("The node no longer hosts view " + view);
        return 1;
      }
      if (status.path("serving").asInt() >= generation) {
        out.println(view + ": generation " + generation + " (" + status.path("servingTable").asText() + ") serves");
        return 0;
      }
      long built = status.path("builtEvents").asLong();
      long all = status.path("journalEvents").asLong();
      out.println(view + ": building generation " + generation + " (" + status.path("buildingTable").asText() + "): "
          + built + " of " + all + " events" + (all == 0 ? "" : " (" + built * 100 / all + " %)"));
      LockSupport.parkNanos(PROGRESS_EVERY.toNanos());
    }
  }
}
