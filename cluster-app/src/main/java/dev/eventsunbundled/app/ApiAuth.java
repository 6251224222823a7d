package dev.eventsunbundled.app;

import com.typesafe.config.Config;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.server.directives.SecurityDirectives.ProvidedCredentials;

/**
 * Who may call the API ({@code events-unbundled.http.auth}): static API keys ({@code API_KEYS=name:secret,...},
 * every scope) and bearer JWTs (a shared secret or a JWKS). With neither configured anyone may, which a node
 * accepts only while it binds to a loopback address.
 */
final class ApiAuth {

  private static final int MIN_KEY_LENGTH = 16;
  private static final String BEARER = "bearer ";

  private final Map<String, byte[]> keys;
  private final Optional<JwtVerifier> jwt;
  private final String inviteScope;
  private final String readScope;

  private ApiAuth(Map<String, byte[]> keys, Optional<JwtVerifier> jwt, String inviteScope, String readScope) {
    this.keys = keys;
    this.jwt = jwt;
    this.inviteScope = inviteScope;
    this.readScope = readScope;
  }

  /** From {@code events-unbundled.http.auth}; fails with the reason when a key, secret or JWKS is unusable. */
  static ApiAuth from(Config http) {
    Config auth = http.getConfig("auth");
    Config jwt = auth.getConfig("jwt");
    String secret = jwt.getString("secret");
    String jwks = jwt.getString("jwks");
    if (!secret.isEmpty() && !jwks.isEmpty()) {
      throw new IllegalArgumentException("Set JWT_SECRET or JWT_JWKS, not both");
    }
    String issuer = jwt.getString("issuer");
    String audience = jwt.getString("audience");
    Optional<JwtVerifier> verifier = !secret.isEmpty() ? Optional.of(JwtVerifier.withSecret(secret, issuer, audience))
        : !jwks.isEmpty() ? Optional.of(JwtVerifier.withJwks(jwks, issuer, audience)) : Optional.empty();
    return new ApiAuth(keys(auth.getString("api-keys")), verifier, auth.getString("scopes.invite"),
        auth.getString("scopes.read"));
  }

  private static Map<String, byte[]> keys(String apiKeys) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String entry : apiKeys.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String name = colon < 0 ? "" : entry.substring(0, colon).trim();
      String secret = colon < 0 ? "" : entry.substring(colon + 1).trim();
      if (name.isEmpty() || secret.length() < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException("API_KEYS entries are name:secret with a secret of at least "
            + MIN_KEY_LENGTH + " characters; '" + (name.isEmpty() ? "(no name)" : name) + "' is not");
      }
      keys.put(name, secret.getBytes(StandardCharsets.UTF_8));
    }
    return Map.copyOf(keys);
  }

  /** Whether any credential is configured; if not, every request is {@link Caller#anonymous}. */
  boolean enabled() {
    return !keys.isEmpty() || jwt.isPresent();
  }

  String inviteScope() {
    return inviteScope;
  }

  String readScope() {
    return readScope;
  }

  /** The caller an {@code Authorization: Bearer …} header names. */
  Caller authenticate(Optional<String> authorization) throws NotAuthenticated {
    if (!enabled()) {
      return Caller.anonymous(Set.of(inviteScope, readScope));
    }
    String header = authorization.orElseThrow(() -> new NotAuthenticated(
        "This API needs a credential: send Authorization: Bearer <API key or token>"));
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw new NotAuthenticated("Send the credential as Authorization: Bearer <API key or token>");
    }
    String token = header.substring(BEARER.length()).trim();
    Optional<String> key = keyNamed(token);
    if (key.isPresent()) {
      return new Caller(key.get(), Set.of(inviteScope, readScope), true);
    }
    if (jwt.isPresent() && token.chars().filter(c -> c == '.').count() == 2) {
      return jwt.get().verify(token);
    }
    throw new NotAuthenticated("Unknown API key or invalid token");
  }

  /** Whether API keys are configured: then the management port asks for one (HTTP Basic, name and secret). */
  boolean hasKeys() {
    return !keys.isEmpty();
  }

  /** The key's name when HTTP Basic credentials name an API key and give its secret (compared in constant time). */
  CompletionStage<Optional<String>> managementCaller(Optional<ProvidedCredentials> credentials) {
    return CompletableFuture.completedFuture(credentials
        .filter(given -> keys.containsKey(given.identifier())
            && given.verify(new String(keys.get(given.identifier()), StandardCharsets.UTF_8)))
        .map(ProvidedCredentials::identifier));
  }

  /** The name of the API key equal to {@code token}, compared in constant time with every key. */
  private Optional<String> keyNamed(String token) {
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Map.Entry<String, byte[]> key : keys.entrySet()) {
      if (MessageDigest.isEqual(key.getValue(), given)) {
        found = key.getKey();
      }
    }
    return Optional.ofNullable(found);
  }
}
