package io.gatehouse.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * DEVELOPMENT ONLY: {@code POST /dev/token} with HTTP Basic as a demo user. OAuth 2.1 has no password
 * grant, and the local stack's users want a token from curl. Served when
 * {@code gatehouse.idp.dev-token-endpoint=true} (this application's default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("gatehouse.idp.dev-token-endpoint")
public class DevTokenConfiguration {

  public static final String PATH = "/dev/token";

  @Bean
  @Order(2)
  SecurityFilterChain devTokenSecurityFilterChain(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint unauthorized = ProblemResponses.basicUnauthorized("gatehouse-dev");
    http.securityMatcher(PATH)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized));
    return http.build();
  }
}
