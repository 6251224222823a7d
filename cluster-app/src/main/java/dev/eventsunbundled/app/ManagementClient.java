package dev.eventsunbundled.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** The command line's client of a node's management port: {@code --management URL}, {@code --user NAME:SECRET}. */
final class ManagementClient {

  static final String OPTIONS_USAGE = String.join(System.lineSeparator(),
      "  --management URL   a running node's management endpoint (default http://127.0.0.1:8558)",
      "  --user NAME:SECRET an API key, when the node has API_KEYS (management asks for HTTP Basic)",
      "exit code: 0 done, 1 refused or unreachable, 2 bad arguments",
      "");

  private final String base;
  private final String user;
  private final HttpClient client = HttpClient.newHttpClient();

  ManagementClient(Map<String, String> options) {
    this.base = options.getOrDefault("--management", "http://127.0.0.1:8558");
    this.user = options.get("--user");
  }

  String base() {
    return base;
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET());
  }

  HttpResponse<String> post(String path) throws Exception {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofString());
  }
}
