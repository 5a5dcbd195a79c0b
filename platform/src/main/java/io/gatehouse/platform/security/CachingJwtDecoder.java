package io.gatehouse.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies a token's signature once and remembers the result for a short while. A client sends
 * the same bearer token with every call until it expires, and an RS256 verification costs more than
 * the rest of a typical request's authentication; so a token seen before (the exact same bytes, so
 * the same signature) is taken from the cache and only its claims are validated again (expiry,
 * not-before, issuer, audience), which keeps an expired token refused at once. An entry lives until
 * the token's {@code exp} or {@code maxAge}, whichever comes first: a signing key withdrawn from the
 * issuer's JWKS stops being trusted for cached tokens within {@code maxAge}. Failures are never
 * cached.
 */
final class CachingJwtDecoder implements JwtDecoder {

  private final JwtDecoder verifying;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Cache<String, Jwt> verified;

  CachingJwtDecoder(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator, long maxEntries,
      Duration maxAge, Clock clock) {
    this.verifying = verifying;
    this.validator = validator;
    this.verified = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, maxAge, clock.instant())))
        .ticker(() -> clock.millis() * 1_000_000L)
        .build();
  }

  private static Duration lifetime(Jwt jwt, Duration maxAge, Instant now) {
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      return Duration.ZERO;
    }
    Duration untilExpiry = Duration.between(now, expiresAt);
    if (untilExpiry.isNegative()) {
      return Duration.ZERO;
    }
    return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt cached = verified.getIfPresent(token);
    if (cached == null) {
      Jwt jwt = verifying.decode(token);
      verified.put(token, jwt);
      return jwt;
    }
    OAuth2TokenValidatorResult result = validator.validate(cached);
    if (result.hasErrors()) {
      verified.invalidate(token);
      OAuth2Error first = result.getErrors().iterator().next();
      throw new JwtValidationException(
          "An error occurred while attempting to decode the Jwt: " + first.getDescription(), result.getErrors());
    }
    return cached;
  }

  /** Entries held now (for tests). */
  long size() {
    verified.cleanUp();
    return verified.estimatedSize();
  }
}
