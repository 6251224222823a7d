package dev.eventsunbundled.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.eventsunbundled.app.support.ApiClient;
import dev.eventsunbundled.app.support.ApiServer;
import dev.eventsunbundled.app.support.HttpAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call the API: API keys, JWTs (shared secret and JWKS), scopes, rate limits, and loopback-only when open. */
class AuthTest {

  private static final String KEY = "ci-secret-0123456789";
  private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";
  private static final String INVITE = "mutation { InviteCustomer(email:\"%s\"){ id invited } }";
  private static final String READ = "query { Customer(id:\"nobody\"){ id } }";

  @Test
  void anApiKeyIsRequiredOnceConfiguredAndNamesTheCallerOfTheEvent() {
    try (ApiServer server = ApiServer.start(Map.of("events-unbundled.http.auth.api-keys", "ci:" + KEY))) {
      ApiClient api = server.client();

      HttpAnswer none = api.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"none@p14n.com\"}");
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(none.json().path("error").asText()).contains("Authorization: Bearer");
      assertThat(api.withBearer("ci-secret-wrong-guess").graphQl(INVITE.formatted("guess@p14n.com")).status())
          .isEqualTo(401);
      assertThat(api.get("/health/alive").status()).as("health stays open").isEqualTo(200);

      ApiClient ci = api.withBearer(KEY);
      assertThat(ci.get("/topology").status()).as("topology is on the management port only").isEqualTo(404);
      assertThat(ci.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"rest@p14n.com\"}").status())
          .isEqualTo(200);
      HttpAnswer graphQl = ci.graphQl(INVITE.formatted("graphql@p14n.com"));
      assertThat(graphQl.json().path("data").path("InviteCustomer").path("invited").asBoolean()).as(graphQl.body())
          .isTrue();
      assertThat(server.gateway().callers()).containsExactly("ci", "ci");
    }
  }

  @Test
  void aJwtSignedWithTheSharedSecretGrantsItsScopesOnly() throws Exception {
    try (ApiServer server = ApiServer.start(Map.of("events-unbundled.http.auth.jwt.secret", SECRET))) {
      ApiClient reader = server.client().withBearer(hmacToken("reporting", "customers:read", 60));

      HttpAnswer query = reader.graphQl(READ);
      assertThat(query.status()).as(query.body()).isEqualTo(200);
      assertThat(query.json().path("errors").isMissingNode()).as("a query with the read scope").isTrue();
      assertThat(query.json().path("data").has("Customer")).isTrue();
      HttpAnswer mutation = reader.graphQl(INVITE.formatted("reader@p14n.com"));
      assertThat(mutation.json().path("errors").path(0).path("extensions").path("code").asText()).as(mutation.body())
          .isEqualTo("FORBIDDEN");
      assertThat(mutation.firstError()).contains("reporting", "customers:invite");
      assertThat(reader.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"r@p14n.com\"}").status())
          .isEqualTo(403);

      ApiClient inviter = server.client().withBearer(hmacToken("signup-service", "customers:invite", 60));
      assertThat(inviter.graphQl(INVITE.formatted("jwt@p14n.com")).json().path("data").path("InviteCustomer")
          .path("invited").asBoolean()).isTrue();
      assertThat(inviter.get("/customers/nobody").status()).as("no read scope").isEqualTo(403);
      assertThat(server.gateway().callers()).containsExactly("signup-service");

      assertThat(server.client().withBearer(hmacToken("late", "customers:invite", -60)).graphQl(READ).status())
          .as("expired").isEqualTo(401);
      assertThat(server.client().withBearer(sign(new MACSigner("another-secret-of-at-least-32-bytes!!"),
          JWSAlgorithm.HS256, claims("forger", "customers:invite", 60))).graphQl(READ).status())
          .as("signed with another secret").isEqualTo(401);
    }
  }

  @Test
  void aJwtSignedByAKeyOfTheJwksIsAcceptedAndOneByAnotherKeyIsNot() throws Exception {
    RSAKey trusted = new RSAKeyGenerator(2048).keyID("trusted").generate();
    RSAKey other = new RSAKeyGenerator(2048).keyID("trusted").generate();
    Path jwks = Files.createTempFile("jwks", ".json");
    Files.writeString(jwks, new JWKSet(trusted.toPublicJWK()).toString());
    try (ApiServer server = ApiServer.start(Map.of("events-unbundled.http.auth.jwt.jwks", jwks.toString(),
        "events-unbundled.http.auth.jwt.issuer", "https://id.example.com"))) {
      JWTClaimsSet claims = new JWTClaimsSet.Builder(claims("partner", "customers:invite customers:read", 60))
          .issuer("https://id.example.com").build();
      HttpAnswer good = server.client().withBearer(sign(new RSASSASigner(trusted), JWSAlgorithm.RS256, claims))
          .graphQl(INVITE.formatted("rsa@p14n.com"));
      assertThat(good.status()).isEqualTo(200);
      assertThat(good.json().path("data").path("InviteCustomer").path("invited").asBoolean()).isTrue();
      assertThat(server.client().withBearer(sign(new RSASSASigner(other), JWSAlgorithm.RS256, claims)).graphQl(READ)
          .status()).isEqualTo(401);
      JWTClaimsSet foreignIssuer = new JWTClaimsSet.Builder(claims).issuer("https://evil.example.com").build();
      assertThat(server.client().withBearer(sign(new RSASSASigner(trusted), JWSAlgorithm.RS256, foreignIssuer))
          .graphQl(READ).status()).isEqualTo(401);
    }
  }

  @Test
  void aJwksServedOverHttpIsFetchedAndItsKeysVerifyTokens() throws Exception {
    RSAKey trusted = new RSAKeyGenerator(2048).keyID("trusted").generate();
    byte[] jwks = new JWKSet(trusted.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    HttpServer issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer.createContext("/.well-known/jwks.json", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    issuer.start();
    String url = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/.well-known/jwks.json";
    try (ApiServer server = ApiServer.start(Map.of("events-unbundled.http.auth.jwt.jwks", url))) {
      String token = sign(new RSASSASigner(trusted), JWSAlgorithm.RS256, claims("web", "customers:read", 60));
      assertThat(server.client().withBearer(token).graphQl(READ).status()).isEqualTo(200);
      assertThat(server.client().withBearer(hmacToken("web", "customers:read", 60)).graphQl(READ).status())
          .as("an HMAC token where public keys are expected").isEqualTo(401);
    } finally {
      issuer.stop(0);
    }
  }

  @Test
  void mutationsBeyondACallersRateAreAnswered429WithRetryAfter() {
    try (ApiServer server = ApiServer.start(Map.of("events-unbundled.http.auth.api-keys", "ci:" + KEY,
        "events-unbundled.http.auth.rate-limit.mutations-per-second", 0.1,
        "events-unbundled.http.auth.rate-limit.burst", 2))) {
      ApiClient ci = server.client().withBearer(KEY);
      assertThat(ci.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"r1@p14n.com\"}").status())
          .isEqualTo(200);
      assertThat(ci.graphQl(INVITE.formatted("r2@p14n.com")).json().path("errors").isMissingNode()).isTrue();
      HttpAnswer limited = ci.post("/customers/invitations", ApiClient.JSON, "{\"email\":\"r3@p14n.com\"}");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("10");
      assertThat(ci.graphQl(INVITE.formatted("r4@p14n.com")).json().path("errors").get(0).path("extensions")
          .path("code").asText()).isEqualTo("RATE_LIMITED");
      assertThat(ci.get("/customers/nobody").status()).as("reads are not limited").isEqualTo(404);
    }
  }

  @Test
  void aNodeBeyondLoopbackWithoutCredentialsRefusesToStartAndSaysWhy() {
    assertThatThrownBy(() -> ApiServer.start(Map.of("events-unbundled.http.interface", "0.0.0.0")).close())
        .hasMessageContaining("beyond loopback, with no authentication")
        .hasMessageContaining("API_KEYS");
    try (ApiServer server = ApiServer.start(Map.of("events-unbundled.http.interface", "0.0.0.0",
        "events-unbundled.http.auth.api-keys", "ci:" + KEY))) {
      assertThat(server.client().withBearer(KEY).get("/customers/nobody").status()).isEqualTo(404);
    }
  }

  @Test
  void unusableCredentialsAreRefusedAtStart() {
    assertThatThrownBy(() -> ApiServer.start(Map.of("events-unbundled.http.auth.api-keys", "ci:short")).close())
        .hasMessageContaining("at least 16 characters");
    assertThatThrownBy(() -> ApiServer.start(Map.of("events-unbundled.http.auth.jwt.secret", "short")).close())
        .hasMessageContaining("at least 32 bytes");
  }

  private static String hmacToken(String subject, String scope, long expiresInSeconds) throws JOSEException {
    return sign(new MACSigner(SECRET), JWSAlgorithm.HS256, claims(subject, scope, expiresInSeconds));
  }

  private static JWTClaimsSet claims(String subject, String scope, long expiresInSeconds) {
    return new JWTClaimsSet.Builder().subject(subject).claim("scope", scope)
        .expirationTime(Date.from(Instant.now().plusSeconds(expiresInSeconds))).build();
  }

  private static String sign(JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet claims) throws JOSEException {
    JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
    SignedJWT jwt = new SignedJWT(signer instanceof RSASSASigner ? header.keyID("trusted").build() : header.build(),
        claims);
    jwt.sign(signer);
    return jwt.serialize();
  }
}
