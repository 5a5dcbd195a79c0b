package io.gatehouse.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final List<String> verified = new ArrayList<>();
  private Instant expiresAt = clock.instant().plus(Duration.ofHours(1));

  private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);

  {
    // The stand-in verifier checks expiry too: on the test's clock, never the wall clock.
    timestamps.setClock(clock);
  }

  /**
   * Stands in for NimbusJwtDecoder: counts signature checks, refuses tokens named "forged", and
   * validates the claims as Nimbus does after a good signature.
   */
  private final JwtDecoder verifying = token -> {
    verified.add(token);
    if (token.startsWith("forged")) {
      throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected");
    }
    Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("alice")
        .issuedAt(clock.instant().minusSeconds(60)).expiresAt(expiresAt)
        .claims(c -> c.putAll(Map.of("aud", List.of("gatehouse"))))
        .build();
    var result = timestamps.validate(jwt);
    if (result.hasErrors()) {
      throw new JwtValidationException("expired", result.getErrors());
    }
    return jwt;
  };

  private CachingJwtDecoder decoder(Duration maxAge) {
    return new CachingJwtDecoder(verifying, timestamps, 100, maxAge, clock);
  }

  @Test
  void a_token_seen_before_is_not_verified_again() {
    CachingJwtDecoder decoder = decoder(Duration.ofMinutes(5));

    Jwt first = decoder.decode("token-a");
    Jwt again = decoder.decode("token-a");
    decoder.decode("token-b");

    assertThat(again.getSubject()).isEqualTo(first.getSubject());
    assertThat(verified).containsExactly("token-a", "token-b");
  }

  @Test
  void a_cached_token_is_refused_once_it_expires() {
    expiresAt = clock.instant().plus(Duration.ofSeconds(30));
    CachingJwtDecoder decoder = decoder(Duration.ofMinutes(5));
    decoder.decode("token-a");

    clock.advance(Duration.ofSeconds(29));
    decoder.decode("token-a");
    assertThat(verified).hasSize(1);

    clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(JwtValidationException.class);
    assertThat(decoder.size()).isZero();
  }

  @Test
  void the_claims_of_a_cached_token_are_checked_on_every_call() {
    boolean[] refuse = {false};
    OAuth2TokenValidator<Jwt> claims = jwt -> refuse[0]
        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The aud claim is not valid", null))
        : OAuth2TokenValidatorResult.success();
    CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, claims, 100, Duration.ofMinutes(5), clock);
    decoder.decode("token-a");

    refuse[0] = true;

    assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("The aud claim is not valid");
    assertThat(verified).containsExactly("token-a");
  }

  @Test
  void a_cached_token_is_verified_again_after_the_maximum_age() {
    CachingJwtDecoder decoder = decoder(Duration.ofMinutes(5));
    decoder.decode("token-a");

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    decoder.decode("token-a");

    assertThat(verified).containsExactly("token-a", "token-a");
  }

  @Test
  void failures_are_not_remembered() {
    CachingJwtDecoder decoder = decoder(Duration.ofMinutes(5));

    assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);

    assertThat(verified).containsExactly("forged-1", "forged-1");
    assertThat(decoder.size()).isZero();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
