package io.gatehouse.identity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gatehouse.idp.*}.
 *
 * @param issuer the {@code iss} of every token and the base of the discovery document's URLs; the
 *     services' {@code gatehouse.security.issuer} must be exactly this
 * @param keyFile the RS256 signing key as a JWK set (private parts included), created on first start
 *     with owner-only permissions; relative paths are resolved against the working directory
 * @param audience the single {@code aud} of every access token
 * @param devTokenEndpoint whether {@code POST /dev/token} (HTTP Basic as a demo user) is served
 * @param accessTokenTimeToLive lifetime of access tokens ({@code exp - iat})
 */
@ConfigurationProperties("gatehouse.idp")
public record IdpProperties(
    @DefaultValue("http://127.0.0.1:9000") String issuer,
    @DefaultValue(".gatehouse/idp/signing-key.json") Path keyFile,
    @DefaultValue("gatehouse") String audience,
    @DefaultValue("false") boolean devTokenEndpoint,
    @DefaultValue("1h") Duration accessTokenTimeToLive) {

  public IdpProperties {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("gatehouse.idp.issuer must be set, e.g. http://127.0.0.1:9000");
    }
    issuer = issuer.strip();
    while (issuer.endsWith("/")) {
      issuer = issuer.substring(0, issuer.length() - 1);
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("gatehouse.idp.audience must not be blank");
    }
  }
}
