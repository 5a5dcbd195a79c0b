package io.gatehouse.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A token issuer for tests: an RSA key whose public half is served as a JWKS over real HTTP, and
 * tokens signed with it, well-formed or broken in the ways an attacker would try.
 */
public final class TestIssuer implements AutoCloseable {

  public static final String AUDIENCE = "gatehouse";

  private final RSAKey key;
  private final RSAKey stranger;
  private final HttpServer server;

  private TestIssuer() {
    try {
      key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
      stranger = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server.createContext("/jwks", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(jwks);
      }
    });
    server.start();
  }

  public static TestIssuer start() {
    return new TestIssuer();
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String jwksUri() {
    return issuer() + "/jwks";
  }

  /** A valid token of {@code subject} with {@code roles}. */
  public String token(String subject, String... roles) {
    return sign(key, claims(subject, roles).build(), JWSAlgorithm.RS256);
  }

  /** A valid-looking token with its claims changed by {@code change}. */
  public String token(String subject, List<String> roles, Consumer<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder b = claims(subject, roles.toArray(String[]::new));
    change.accept(b);
    return sign(key, b.build(), JWSAlgorithm.RS256);
  }

  /** Unsigned: {@code "alg": "none"}. */
  public String unsigned(String subject, String... roles) {
    return new PlainJWT(claims(subject, roles).build()).serialize();
  }

  /** HS256 with the RSA public key's encoding as the HMAC secret: the classic algorithm confusion. */
  public String hs256WithPublicKey(String subject, String... roles) {
    try {
      byte[] secret = key.toRSAPublicKey().getEncoded();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
          claims(subject, roles).build());
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token whose payload was changed after signing (roles raised to GOVERNANCE_ADMIN). */
  public String tampered(String subject, String... roles) {
    String[] parts = token(subject, roles).split("\\.");
    String forged = Base64URL.encode(claims(subject, "GOVERNANCE_ADMIN").build().toString()).toString();
    return parts[0] + "." + forged + "." + parts[2];
  }

  /** Signed by a key the JWKS does not list. */
  public String signedByUnknownKey(String subject, String... roles) {
    return sign(stranger, claims(subject, roles).build(), JWSAlgorithm.RS256);
  }

  private JWTClaimsSet.Builder claims(String subject, String... roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject(subject)
        .audience(AUDIENCE)
        .claim("roles", List.of(roles))
        .claim("name", "Test " + subject)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minusSeconds(1)))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
        .jwtID(UUID.randomUUID().toString());
  }

  private static String sign(RSAKey signingKey, JWTClaimsSet claims, JWSAlgorithm alg) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(signingKey.getKeyID())
          .type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
