package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.HttpAnswer;
import dev.eventsunbundled.app.support.JarNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fat jar on PostgreSQL honors DB_USER / DB_PASSWORD (the least-privilege role of the README owns every table it
 * creates, in its own schema) and DB_SSLMODE (require, against a server without TLS, refuses to start).
 */
class DatabaseCredentialsOnPostgresIT {

  private static final Path JAR = Path.of("target", "cluster-app.jar");
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final List<String> POSTGRES = List.of("-Dconfig.resource=single-postgres.conf");

  private final String role = "eu_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

  @BeforeEach
  void createTheRoleOfTheReadme() throws SQLException {
    asSuperuser("CREATE ROLE " + role + " LOGIN PASSWORD 'app-secret' NOSUPERUSER NOCREATEDB NOCREATEROLE");
    asSuperuser("CREATE SCHEMA " + role + " AUTHORIZATION " + role);
    asSuperuser("ALTER ROLE " + role + " SET search_path = " + role);
  }

  @AfterEach
  void dropIt() throws SQLException {
    asSuperuser("DROP SCHEMA IF EXISTS " + role + " CASCADE");
    asSuperuser("DROP ROLE IF EXISTS " + role);
  }

  @Test
  void aNodeRunsAsTheRoleInDbUserAndOwnsOnlyItsOwnSchema() throws Exception {
    Map<String, String> env = Map.of("DB_URL", SERVER, "DB_USER", role, "DB_PASSWORD", "app-secret");
    try (JarNode node = JarNode.start(JAR, Files.createTempDirectory("eu-role"), env, POSTGRES)) {
      HttpAnswer answer = ApiClient.on(node.httpPort())
          .graphQl("mutation { InviteCustomer(email:\"role@p14n.com\"){ id invited } }");
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

      assertThat(single("SELECT tableowner FROM pg_tables WHERE schemaname = '" + role + "' AND tablename = 'event_journal'"))
          .isEqualTo(role);
      assertThat(single("SELECT tableowner FROM pg_tables WHERE schemaname = '" + role + "' AND tablename = 'view_customer'"))
          .isEqualTo(role);
      assertThat(single("SELECT count(*) FROM " + role + ".view_customer WHERE email = 'role@p14n.com'")).isEqualTo("1");
      assertThat(single("SELECT count(DISTINCT usename) FROM pg_stat_activity WHERE usename = '" + role + "'"))
          .as("connections as the role").isEqualTo("1");
    }
  }

  @Test
  void sslmodeRequireIsHonoredAndAServerWithoutTlsIsRefused() throws Exception {
    assertThat(single("SHOW ssl")).as("this test expects the local server without TLS").isEqualTo("off");
    Map<String, String> env = Map.of("DB_URL", SERVER, "DB_USER", role, "DB_PASSWORD", "app-secret",
        "DB_SSLMODE", "require");
    try (JarNode node = JarNode.launch(JAR, Files.createTempDirectory("eu-ssl"), env, POSTGRES)) {
      assertThat(node.exit()).as(node.output()).isNotZero();
      assertThat(node.output()).contains("The server does not support SSL");
    }
  }

  private static void asSuperuser(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String single(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
        Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
