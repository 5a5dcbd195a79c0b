package io.gatehouse.platform.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes the service an OAuth2 resource server. A request needs a JWT bearer token signed by one of
 * the issuer's keys (JWKS) with an allowed algorithm, the configured {@code iss}, an {@code aud}
 * naming Gatehouse, an {@code exp} in the future and an {@code nbf} in the past (both within the
 * clock skew). Health probes are open; the Prometheus endpoint is open only if configured; every
 * other endpoint is open exactly to the roles the service's {@link EndpointAccess} names.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(GatehouseSecurityProperties.class)
public class GatehouseSecurityConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public JwtDecoder jwtDecoder(GatehouseSecurityProperties props) {
    if (props.getJwkSetUri() == null || props.getIssuer() == null) {
      throw new IllegalStateException("gatehouse.security.issuer and gatehouse.security.jwk-set-uri must be set: "
          + "every service validates bearer tokens from that issuer (the local stack sets them).");
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(props.getJwkSetUri())
        .jwsAlgorithms(algorithms -> props.getAlgorithms().forEach(a -> algorithms.add(SignatureAlgorithm.from(a))))
        .build();
    OAuth2TokenValidator<Jwt> validator = validator(props);
    decoder.setJwtValidator(validator);
    if (props.getVerifiedTokenCacheSize() <= 0) {
      return decoder;
    }
    return new CachingJwtDecoder(decoder, validator, props.getVerifiedTokenCacheSize(),
        props.getVerifiedTokenCacheTtl(), Clock.systemUTC());
  }

  static OAuth2TokenValidator<Jwt> validator(GatehouseSecurityProperties props) {
    List<OAuth2TokenValidator<Jwt>> validators = List.of(
        new JwtTimestampValidator(props.getClockSkew()),
        new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
        new JwtIssuerValidator(props.getIssuer()),
        new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
            aud -> aud != null && aud.contains(props.getAudience())));
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  @Bean
  @ConditionalOnMissingBean
  public JwtAuthenticationConverter jwtAuthenticationConverter(GatehouseSecurityProperties props) {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setPrincipalClaimName(JwtClaimNames.SUB);
    converter.setJwtGrantedAuthoritiesConverter(jwt -> authorities(jwt, props.getRolesClaim()));
    return converter;
  }

  /** {@code ROLE_<name>} for each role in the (possibly nested) roles claim. */
  static Collection<GrantedAuthority> authorities(Jwt jwt, String claimPath) {
    Object value = jwt.getClaims();
    for (String part : claimPath.split("\\.")) {
      value = value instanceof Map<?, ?> m ? m.get(part) : null;
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    if (value instanceof Collection<?> roles) {
      for (Object role : roles) {
        if (role != null) {
          authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
      }
    } else if (value instanceof String single) {
      for (String role : single.split("[ ,]+")) {
        if (!role.isBlank()) {
          authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
      }
    }
    return authorities;
  }

  @Bean
  public EndpointInventory endpointInventory(
      @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
      org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings,
      ObjectProvider<EndpointAccess> access) {
    return new EndpointInventory(mappings, access);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  public SecurityFilterChain gatehouseSecurityFilterChain(HttpSecurity http, GatehouseSecurityProperties props,
      ObjectProvider<EndpointAccess> access, JwtDecoder decoder, JwtAuthenticationConverter converter,
      ObjectProvider<io.gatehouse.platform.web.ErrorBodyFormat> errorFormats) throws Exception {
    Iterable<io.gatehouse.platform.web.ErrorBodyFormat> formats = () -> errorFormats.orderedStream().iterator();
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .authorizeHttpRequests(auth -> {
          auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
          auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
          if (props.isPrometheusPublic()) {
            auth.requestMatchers("/actuator/prometheus").permitAll();
          }
          access.orderedStream().flatMap(a -> a.rules().stream()).forEach(rule -> {
            var matcher = auth.requestMatchers(rule.method(), rule.pattern());
            if (rule.roles().isEmpty()) {
              matcher.authenticated();
            } else {
              matcher.hasAnyRole(rule.roles().toArray(String[]::new));
            }
          });
          auth.requestMatchers("/actuator/**").hasAnyRole(Roles.PLATFORM, Roles.SERVICE);
          auth.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").authenticated();
          auth.anyRequest().denyAll();
        })
        .oauth2ResourceServer(rs -> rs
            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
            .authenticationEntryPoint(ProblemResponses.unauthorized(formats))
            .accessDeniedHandler(ProblemResponses.forbidden(formats)))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(ProblemResponses.unauthorized(formats))
            .accessDeniedHandler(ProblemResponses.forbidden(formats)));
    return http.build();
  }
}
