package dev.eventsunbundled.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer JWTs (Nimbus JOSE + JWT): HMAC-signed with a shared secret, or signed with a key of a JWKS
 * (a file, or an https URL fetched and cached by Nimbus); the subject is the caller, {@code scope} / {@code scp}
 * its scopes; expiry, and the issuer and audience when configured, are checked.
 */
final class JwtVerifier {

  private static final Set<JWSAlgorithm> MAC = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
  private static final Set<JWSAlgorithm> PUBLIC_KEY = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.EdDSA);

  private static final Logger log = LoggerFactory.getLogger(JwtVerifier.class);

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  private JwtVerifier(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys, String issuer, String audience) {
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (!issuer.isEmpty()) {
      exact.issuer(issuer);
    }
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience.isEmpty() ? null : audience,
        exact.build(), Set.of("sub", "exp")));
  }

  static JwtVerifier withSecret(String secret, String issuer, String audience) {
    if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalArgumentException("JWT_SECRET must be at least 32 bytes (256 bits) for HS256");
    }
    return new JwtVerifier(MAC, new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8)), issuer, audience);
  }

  /** {@code jwks}: an http(s) URL, or the path of a JWKS JSON file. */
  static JwtVerifier withJwks(String jwks, String issuer, String audience) {
    try {
      JWKSource<SecurityContext> keys = jwks.startsWith("https://") || jwks.startsWith("http://")
          ? JWKSourceBuilder.create(URI.create(jwks).toURL()).retrying(true).build()
          : new ImmutableJWKSet<>(JWKSet.load(new File(jwks)));
      return new JwtVerifier(PUBLIC_KEY, keys, issuer, audience);
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("JWT_JWKS " + jwks + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The caller a valid token names. */
  Caller verify(String token) throws NotAuthenticated {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      return new Caller(claims.getSubject(), scopes(claims), true);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      log.debug("Bearer token refused: {}", e.toString());
      throw new NotAuthenticated("The bearer token is not valid (signature, expiry, issuer or audience)");
    }
  }

  private static Set<String> scopes(JWTClaimsSet claims) throws ParseException {
    Set<String> scopes = new HashSet<>();
    String scope = claims.getStringClaim("scope");
    if (scope != null) {
      scopes.addAll(Arrays.asList(scope.trim().split("\\s+")));
    }
    Object scp = claims.getClaim("scp");
    if (scp instanceof String text) {
      scopes.addAll(Arrays.asList(text.trim().split("\\s+")));
    } else if (scp instanceof List<?> list) {
      list.forEach(s -> scopes.add(String.valueOf(s)));
    }
    return Set.copyOf(scopes);
  }
}
