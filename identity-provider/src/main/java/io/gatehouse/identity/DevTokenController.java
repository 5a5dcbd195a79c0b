package io.gatehouse.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT ONLY: {@code POST /dev/token} answers an access token for the demo user of the HTTP
 * Basic credentials, made by Spring Authorization Server's {@link JwtGenerator} with the authorization
 * server's own {@link JwtEncoder} (same key), issuer and {@link GatehouseTokenCustomizer}, as if
 * {@value AuthorizationServerConfiguration#CLI_CLIENT} had obtained it: identical claims and lifetime.
 */
@RestController
@ConditionalOnBooleanProperty("gatehouse.idp.dev-token-endpoint")
public class DevTokenController {

  /** Recorded nowhere but here: the token says it came from no OAuth grant. */
  static final AuthorizationGrantType DEV_TOKEN = new AuthorizationGrantType("urn:gatehouse:grant-type:dev-token");

  private final JwtGenerator generator;
  private final RegisteredClientRepository clients;
  private final AuthorizationServerContext serverContext;

  DevTokenController(JwtEncoder encoder, OAuth2TokenCustomizer<JwtEncodingContext> customizer,
      RegisteredClientRepository clients, AuthorizationServerSettings settings) {
    this.generator = new JwtGenerator(encoder);
    this.generator.setJwtCustomizer(customizer);
    this.clients = clients;
    this.serverContext = new AuthorizationServerContext() {
      @Override
      public String getIssuer() {
        return settings.getIssuer();
      }

      @Override
      public AuthorizationServerSettings getAuthorizationServerSettings() {
        return settings;
      }
    };
  }

  @PostMapping(path = DevTokenConfiguration.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> token(Authentication user) {
    RegisteredClient client = clients.findByClientId(AuthorizationServerConfiguration.CLI_CLIENT);
    Jwt jwt = generator.generate(DefaultOAuth2TokenContext.builder()
        .registeredClient(client)
        .principal(user)
        .authorizationServerContext(serverContext)
        .authorizedScopes(client.getScopes())
        .tokenType(OAuth2TokenType.ACCESS_TOKEN)
        .authorizationGrantType(DEV_TOKEN)
        .build());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", jwt.getTokenValue());
    body.put("token_type", "Bearer");
    body.put("expires_in", Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()).toSeconds());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }
}
