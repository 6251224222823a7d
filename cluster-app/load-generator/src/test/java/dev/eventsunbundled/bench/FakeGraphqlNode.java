package dev.eventsunbundled.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A stand-in HTTP node on a free port that answers the InviteCustomer mutation as told, by email number. */
final class FakeGraphqlNode implements AutoCloseable {

  /** How the node answers one request. */
  enum Answer { INVITED, GRAPHQL_ERROR, HTTP_503, NOT_INVITED, NO_ANSWER }

  private static final Pattern EMAIL = Pattern.compile("\"variables\":\\{\"e\":\"([A-Za-z0-9._+-]+)-(\\d+)@bench\\.test\"}");

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final LongFunction<Answer> behaviour;
  private final Queue<String> emails = new ConcurrentLinkedQueue<>();
  private final Queue<HttpExchange> held = new ConcurrentLinkedQueue<>();

  private FakeGraphqlNode(LongFunction<Answer> behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/graphql", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static FakeGraphqlNode start(LongFunction<Answer> behaviour) throws IOException {
    return new FakeGraphqlNode(behaviour);
  }

  static FakeGraphqlNode invitingEveryone() throws IOException {
    return start(n -> Answer.INVITED);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every email received, warm-up included, in arrival order. */
  List<String> emails() {
    return List.copyOf(emails);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Matcher email = EMAIL.matcher(body);
    boolean wellFormed = exchange.getRequestMethod().equals("POST") && email.find()
        && body.contains(InviteClient.QUERY)
        && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (!wellFormed) {
      respond(exchange, 400, "{\"message\":\"not the InviteCustomer mutation\"}");
      return;
    }
    emails.add(email.group(1) + "-" + email.group(2) + "@bench.test");
    switch (behaviour.apply(Long.parseLong(email.group(2)))) {
      case INVITED -> respond(exchange, 200, "{\"data\":{\"InviteCustomer\":{\"id\":\"x\",\"invited\":true}}}");
      case GRAPHQL_ERROR -> respond(exchange, 200, "{\"errors\":[{\"message\":\"Email is required\"}],\"data\":null}");
      case HTTP_503 -> respond(exchange, 503, "{\"message\":\"overloaded\"}");
      case NOT_INVITED -> respond(exchange, 200, "{\"data\":{\"InviteCustomer\":null}}");
      default -> held.add(exchange);
    }
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    held.forEach(HttpExchange::close);
    server.stop(0);
    executor.shutdownNow();
  }
}
