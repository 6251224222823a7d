package dev.eventsunbundled.app.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A node run from the fat jar in its own JVM, on free ports, stopped with SIGTERM (graceful shutdown). */
public final class JarNode implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(90);
  private static final String LISTENING = "HTTP API listening on";

  private final Process process;
  private final int httpPort;
  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<Boolean> listening = new CompletableFuture<>();

  private JarNode(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  public static JarNode start(Path jar, Path dataDir) throws IOException {
    return start(jar, dataDir, Map.of(), List.of());
  }

  /** A node with these environment variables and JVM options (e.g. {@code -Dconfig.resource=…}) besides its ports. */
  public static JarNode start(Path jar, Path dataDir, Map<String, String> env, List<String> jvmOptions)
      throws IOException {
    return launch(jar, dataDir, env, jvmOptions).awaitListening();
  }

  /** As {@link #start}, without waiting: for a node expected to refuse to start ({@link #exit()}). */
  public static JarNode launch(Path jar, Path dataDir, Map<String, String> env, List<String> jvmOptions)
      throws IOException {
    int http = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("DATA_DIR", dataDir.toString());
    builder.environment().put("HTTP_PORT", Integer.toString(http));
    builder.environment().put("MANAGEMENT_PORT", Integer.toString(freePort()));
    builder.environment().put("REMOTE_PORT", Integer.toString(freePort()));
    JarNode node = new JarNode(builder.start(), http);
    node.readOutput();
    return node;
  }

  /** Waits for the process to end (at most START) and answers its exit code; its output is in {@link #output()}. */
  public int exit() throws InterruptedException {
    if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The node did not exit:\n" + output);
    }
    return process.exitValue();
  }

  public int httpPort() {
    return httpPort;
  }

  public String output() {
    return output.toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The node did not shut down within 60 s:\n" + output);
    }
  }

  private void readOutput() {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.append(line).append('\n');
          if (line.contains(LISTENING)) {
            listening.complete(true);
          }
        }
        listening.complete(false);
      } catch (IOException e) {
        listening.completeExceptionally(e);
      }
    }, "jar-node-output");
    reader.setDaemon(true);
    reader.start();
  }

  private JarNode awaitListening() {
    boolean up = listening.orTimeout(START.toSeconds(), TimeUnit.SECONDS).join();
    if (!up) {
      throw new IllegalStateException("The node exited before listening:\n" + output);
    }
    return this;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
