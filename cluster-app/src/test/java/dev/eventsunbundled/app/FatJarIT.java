package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.JarNode;
import dev.eventsunbundled.shell.Entities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged fat jar: every Pekko reference.conf concatenated, a working --help, and the jar's own configuration. */
class FatJarIT {

  private static final Path JAR = Path.of("target", "cluster-app.jar");

  @Test
  void everyModulesReferenceConfIsKept() throws IOException {
    Config reference = ConfigFactory.parseString(entry("reference.conf")).resolve();
    Config version = ConfigFactory.parseString(entry("version.conf"));

    assertThat(reference.hasPath("pekko.actor.default-dispatcher")).isTrue();
    assertThat(reference.hasPath("pekko.cluster.sharding.number-of-shards")).isTrue();
    assertThat(reference.hasPath("pekko.persistence.journal-plugin-fallback")).isTrue();
    assertThat(reference.hasPath("jdbc-journal.tables")).isTrue();
    assertThat(reference.hasPath("pekko.projection.jdbc")).isTrue();
    assertThat(reference.hasPath("pekko.http.server.request-timeout")).isTrue();
    assertThat(reference.hasPath("pekko.management.http.port")).isTrue();
    assertThat(reference.hasPath("pekko.management.health-checks.readiness-checks.cluster-membership")).isTrue();
    assertThat(reference.hasPath("pekko.serialization.jackson")).isTrue();
    assertThat(version.getString("pekko.version")).isNotBlank();
  }

  @Test
  void theJarCarriesTheNodesConfigurationAndMainClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
      for (String conf : new String[] {"application.conf", "http.conf", "cluster.conf", "persistence.conf", "logback.xml"}) {
        assertThat(jar.getJarEntry(conf)).as(conf).isNotNull();
      }
    }
    assertThat(entry("http.conf")).contains("events-unbundled.http");
  }

  @Test
  void helpPrintsTheOptionsAndExitsZero() throws Exception {
    Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "--help").redirectErrorStream(true).start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isZero();
    assertThat(output).contains("HTTP_PORT", "DATA_DIR", "-Dconfig.resource=");
  }

  @Test
  void entityIdPrintsTheHashANodeWithTheSameSecretUses() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "entity-id", "dean@p14n.com");
    builder.environment().put("ENTITY_KEY_SECRET", "a-deployment-secret");
    Process process = builder.redirectErrorStream(true).start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
        .isEqualTo(Entities.id("a-deployment-secret", "dean@p14n.com"))
        .isNotEqualTo(Entities.id("another-secret", "dean@p14n.com"));
  }

  @Test
  void theNodeInTheJarAnswersTheSeedScenario() throws Exception {
    Path data = Files.createTempDirectory("eu-fatjar");
    try (JarNode node = JarNode.start(JAR, data)) {
      HttpAnswer answer = ApiClient.on(node.httpPort())
          .graphQl("mutation { InviteCustomer(email:\"dean@p14n.com\"){ id invited } }");

      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      assertThat(answer.json().path("data").path("InviteCustomer").path("invited").asBoolean()).isTrue();
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String entry(String name) throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile()); InputStream in = jar.getInputStream(jar.getJarEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
