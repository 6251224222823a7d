package dev.eventsunbundled.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** TLS material of a test cluster, made by the project's own bin/cluster-tls: a CA and node1..3's key stores. */
record ClusterTls(Path dir, String password) {

  private static final Path SCRIPT = Path.of("..", "bin", "cluster-tls");

  /** The CA of {@code name} under target/ (created once, then reused). */
  static ClusterTls of(String name) {
    Path dir = Path.of("target", "tls-" + name).toAbsolutePath();
    try {
      Process process = new ProcessBuilder("bash", SCRIPT.toString(), dir.toString()).redirectErrorStream(true)
          .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("bin/cluster-tls failed:\n" + output);
      }
      return new ClusterTls(dir, Files.readString(dir.resolve("password")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The system properties that make a node use this material. */
  List<String> properties() {
    return List.of("-Devents-unbundled.tls.dir=" + dir, "-Devents-unbundled.tls.password=" + password);
  }
}
