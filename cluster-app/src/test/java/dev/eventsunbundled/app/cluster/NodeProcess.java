package dev.eventsunbundled.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** One cluster node run from the fat jar in its own JVM, on its own ports, logging to target/cluster-it. */
final class NodeProcess implements AutoCloseable {

  static final Path JAR = Path.of("target", "cluster-app.jar");
  static final Path LOGS = Path.of("target", "cluster-it");
  private static final Duration STOP = Duration.ofSeconds(30);
  /** The environment variables conf/ reads: a developer's settings must not leak into the test's nodes. */
  private static final Set<String> CONFIG_ENV = Set.of("DATA_DIR", "DB_URL", "DB_USER", "DB_PASSWORD", "HTTP_INTERFACE",
      "HTTP_PORT", "MANAGEMENT_HOST", "MANAGEMENT_PORT", "PGDATABASE", "PGHOST", "PGPASSWORD", "PGPORT", "PGUSER",
      "READ_JOURNAL_REFRESH", "REMOTE_HOST", "REMOTE_PORT", "RESOLVE_TIMEOUT");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  /** The ports one node listens on. */
  record Ports(int http, int management, int remote) {
    static Ports free() {
      return new Ports(freePort(), freePort(), freePort());
    }
  }

  private final int number;
  private final Ports ports;
  private final List<String> properties;
  private final Path log;
  private Process process;

  NodeProcess(String test, int number, Ports ports, List<String> properties) {
    this.number = number;
    this.ports = ports;
    this.properties = List.copyOf(properties);
    this.log = LOGS.resolve(test + "-node" + number + ".log");
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the JVM (again, after a stop or kill, with the same ports and settings); output is appended to the log. */
  NodeProcess start() {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
        "-Devents-unbundled.http.port=" + ports.http(),
        "-Dpekko.management.http.port=" + ports.management(),
        "-Dpekko.remote.artery.canonical.port=" + ports.remote()));
    command.addAll(properties);
    command.addAll(List.of("-jar", JAR.toString()));
    try {
      Files.createDirectories(LOGS);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().keySet().removeAll(CONFIG_ENV);
      process = builder.start();
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start node" + number, e);
    }
    return this;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** True when management's {@code /ready} answers 200 (member Up, journal reachable). */
  boolean isReady() {
    return managementGet("/ready").isPresent();
  }

  /** Waits until the node is ready; fails at once, with its log, if the JVM exits first. */
  void awaitReady(Duration timeout) {
    Poll.until("node" + number + " ready", timeout, () -> {
      if (!isAlive()) {
        throw new AssertionError("node" + number + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      return isReady();
    });
  }

  /** The body of a GET on the API port when it answers 200. */
  Optional<String> api(String path) {
    return get(ports.http(), path);
  }

  /** The body of a GET on the management port when it answers 200. */
  Optional<String> managementGet(String path) {
    return get(ports.management(), path);
  }

  /** Waits for the JVM to exit by itself and answers its exit code. */
  int awaitExit(Duration timeout) {
    if (!exited(timeout)) {
      throw new AssertionError("node" + number + " still runs after " + timeout.toSeconds() + " s");
    }
    return process.exitValue();
  }

  /** {@code kill -9}: no shutdown hooks, no leaving the cluster. */
  void kill() {
    process.destroyForcibly();
    exited(STOP);
  }

  /** Sends SIGTERM without waiting, so several nodes shut down together. */
  void terminate() {
    process.destroy();
  }

  /** SIGTERM (graceful leave); SIGKILL if the JVM is still running after the timeout. */
  @Override
  public void close() {
    if (isAlive()) {
      process.destroy();
      if (!exited(STOP)) {
        process.destroyForcibly();
        exited(STOP);
      }
    }
  }

  private boolean exited(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String logTail() {
    String all = log();
    return all.substring(Math.max(0, all.length() - 4000));
  }

  private static Optional<String> get(int port, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(3)).GET().build();
    try {
      var response = HTTP.send(request, BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
