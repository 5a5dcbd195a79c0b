package io.gatehouse.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server with OIDC: the protocol endpoints ({@code /oauth2/*}, discovery, JWKS,
 * userinfo), the demo users behind a login form, the two Gatehouse clients, the persisted signing
 * key, and {@link GatehouseTokenCustomizer} for the claims.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

  /** Public client of people (the CLI, scripts): authorization code with PKCE, device code, refresh. */
  public static final String CLI_CLIENT = "gatehouse-cli";
  public static final String CLI_REDIRECT_URI = "http://127.0.0.1:8400/callback";
  /** Confidential client of the services themselves: client credentials, role SERVICE. */
  public static final String SERVICES_CLIENT = "gatehouse-services";
  /** Development only, like the demo users' password. */
  static final String SERVICES_SECRET = "gatehouse-services-secret";
  public static final String SERVICES_SCOPE = "gatehouse";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, RegisteredClientRepository clients,
      AuthorizationServerSettings settings) throws Exception {
    http.oauth2AuthorizationServer(server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(Customizer.withDefaults())
              // RFC 8628 device authorization grant: off unless configured.
              .deviceAuthorizationEndpoint(Customizer.withDefaults())
              .deviceVerificationEndpoint(Customizer.withDefaults())
              .clientAuthentication(auth -> auth
                  .authenticationConverter(
                      new PublicClientIdAuthentication.Converter(settings.getDeviceAuthorizationEndpoint()))
                  .authenticationProvider(new PublicClientIdAuthentication.Provider(clients)));
        })
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        // Browsers (authorization and device verification endpoints) log in through the form.
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  /** Everything else: open health probes, the login form for the authorization endpoints. */
  @Bean
  @Order(3)
  SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
            .anyRequest().authenticated())
        .formLogin(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(IdpProperties props) {
    return AuthorizationServerSettings.builder().issuer(props.issuer()).build();
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(IdpProperties props) {
    JWKSet keys = SigningKeys.loadOrCreate(props.keyFile());
    return new ImmutableJWKSet<>(keys);
  }

  /** Signs the authorization server's tokens and those of {@code /dev/token}. */
  @Bean
  JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
    return new NimbusJwtEncoder(jwkSource);
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> gatehouseTokenCustomizer(DemoUsers users, IdpProperties props) {
    return new GatehouseTokenCustomizer(users, props.audience());
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(IdpProperties props) {
    TokenSettings tokens = TokenSettings.builder()
        .accessTokenTimeToLive(props.accessTokenTimeToLive())
        .refreshTokenTimeToLive(Duration.ofHours(8))
        .reuseRefreshTokens(false)
        .build();
    RegisteredClient cli = RegisteredClient.withId(UUID.nameUUIDFromBytes(CLI_CLIENT.getBytes()).toString())
        .clientId(CLI_CLIENT)
        .clientName("Gatehouse CLI")
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
        .redirectUri(CLI_REDIRECT_URI)
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .tokenSettings(tokens)
        .build();
    RegisteredClient services = RegisteredClient.withId(UUID.nameUUIDFromBytes(SERVICES_CLIENT.getBytes()).toString())
        .clientId(SERVICES_CLIENT)
        .clientName("Gatehouse services")
        .clientSecret("{noop}" + SERVICES_SECRET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope(SERVICES_SCOPE)
        .clientSettings(ClientSettings.builder()
            .requireAuthorizationConsent(false)
            .setting(GatehouseTokenCustomizer.CLIENT_ROLES, List.of("SERVICE"))
            .build())
        .tokenSettings(tokens)
        .build();
    return new InMemoryRegisteredClientRepository(cli, services);
  }

  /** The demo users of {@code demo-users.yml}: development only, one shared password. */
  @Bean
  UserDetailsService userDetailsService(DemoUsers users) {
    InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
    for (DemoUsers.DemoUser user : users.users()) {
      manager.createUser(User.withUsername(user.username())
          .password("{noop}" + users.password())
          .roles(user.roles().toArray(String[]::new))
          .build());
    }
    return manager;
  }

  /** {@code {noop}} passwords: the demo users and the services' secret are public knowledge anyway. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
