package io.gatehouse.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code gatehouse.security.*}: which tokens a service accepts and how it reads roles from them. */
@ConfigurationProperties("gatehouse.security")
public class GatehouseSecurityProperties {

  /** Expected {@code iss}, e.g. {@code http://127.0.0.1:9000} or the organisation's OIDC issuer. */
  private String issuer;
  /** Where the issuer's signing keys are published (JWKS). */
  private String jwkSetUri;
  /** Expected {@code aud}: the token must name Gatehouse. */
  private String audience = "gatehouse";
  /** Claim holding the caller's roles; a dotted path reaches into objects (Keycloak: {@code realm_access.roles}). */
  private String rolesClaim = "roles";
  /** Claim holding the caller's display name. */
  private String nameClaim = "name";
  /** Accepted JWS algorithms; anything else (HS*, none) is refused. */
  private List<String> algorithms = List.of("RS256");
  /** Tolerance for {@code exp} and {@code nbf} between clocks. */
  private Duration clockSkew = Duration.ofSeconds(30);
  /**
   * How many verified tokens to remember so their signature is not checked again on every call
   * (claims are still checked every time); 0 turns the cache off.
   */
  private long verifiedTokenCacheSize = 2_000;
  /** Longest a verified token is remembered (never past its {@code exp}): bounds how long a withdrawn key is still trusted. */
  private Duration verifiedTokenCacheTtl = Duration.ofMinutes(5);
  /** Whether {@code /actuator/prometheus} may be scraped without a token. */
  private boolean prometheusPublic = false;

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public String getJwkSetUri() {
    return jwkSetUri;
  }

  public void setJwkSetUri(String jwkSetUri) {
    this.jwkSetUri = jwkSetUri;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public String getRolesClaim() {
    return rolesClaim;
  }

  public void setRolesClaim(String rolesClaim) {
    this.rolesClaim = rolesClaim;
  }

  public String getNameClaim() {
    return nameClaim;
  }

  public void setNameClaim(String nameClaim) {
    this.nameClaim = nameClaim;
  }

  public List<String> getAlgorithms() {
    return algorithms;
  }

  public void setAlgorithms(List<String> algorithms) {
    this.algorithms = algorithms;
  }

  public Duration getClockSkew() {
    return clockSkew;
  }

  public void setClockSkew(Duration clockSkew) {
    this.clockSkew = clockSkew;
  }

  public boolean isPrometheusPublic() {
    return prometheusPublic;
  }

  public void setPrometheusPublic(boolean prometheusPublic) {
    this.prometheusPublic = prometheusPublic;
  }

  public long getVerifiedTokenCacheSize() {
    return verifiedTokenCacheSize;
  }

  public void setVerifiedTokenCacheSize(long verifiedTokenCacheSize) {
    this.verifiedTokenCacheSize = verifiedTokenCacheSize;
  }

  public Duration getVerifiedTokenCacheTtl() {
    return verifiedTokenCacheTtl;
  }

  public void setVerifiedTokenCacheTtl(Duration verifiedTokenCacheTtl) {
    this.verifiedTokenCacheTtl = verifiedTokenCacheTtl;
  }
}
