package io.gatehouse.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The Gatehouse claims of every JWT this provider signs, whichever way it was obtained (authorization
 * code, device code, refresh, client credentials or {@code /dev/token}):
 * <ul>
 *   <li>access tokens: {@code aud} = [{@code gatehouse.idp.audience}]; {@code roles} = the demo user's
 *       governance roles (no {@code ROLE_} prefix) and {@code name} = their display name; for client
 *       credentials {@code sub} = the client id, {@code roles} = the client's {@link #CLIENT_ROLES} setting
 *       and no {@code name}; {@code scope} = the registered scopes when none were requested
 *       (RFC 6749 §3.3 default scope). {@code iss, sub, iat, nbf, exp, jti} come from Spring
 *       Authorization Server's {@code JwtGenerator}.</li>
 *   <li>ID tokens: {@code name} and {@code roles} as well.</li>
 * </ul>
 */
public final class GatehouseTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  public static final String ROLES = "roles";
  public static final String NAME = "name";
  public static final String SCOPE = "scope";
  /** A {@link RegisteredClient} setting: the roles (a {@code List<String>}) of its client-credentials tokens. */
  public static final String CLIENT_ROLES = "settings.client.gatehouse.roles";

  private final DemoUsers users;
  private final String audience;

  public GatehouseTokenCustomizer(DemoUsers users, String audience) {
    this.users = users;
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    JwtClaimsSet.Builder claims = context.getClaims();
    RegisteredClient client = context.getRegisteredClient();
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = context.getTokenType() != null
        && OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (!accessToken && !idToken) {
      return;
    }
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      claims.subject(client.getClientId());
      claims.claim(ROLES, clientRoles(client));
      claims.claims(c -> c.remove(NAME));
    } else {
      Authentication principal = context.getPrincipal();
      Optional<DemoUsers.DemoUser> user = users.find(principal.getName());
      claims.claim(ROLES, user.map(DemoUsers.DemoUser::roles).orElseGet(() -> roles(principal.getAuthorities())));
      user.ifPresent(u -> claims.claim(NAME, u.name()));
    }
    if (accessToken) {
      claims.audience(List.of(audience));
      if (context.getAuthorizedScopes().isEmpty() && !client.getScopes().isEmpty()) {
        claims.claim(SCOPE, client.getScopes());
      }
    }
  }

  private static List<String> clientRoles(RegisteredClient client) {
    Object roles = client.getClientSettings().getSetting(CLIENT_ROLES);
    List<String> result = new ArrayList<>();
    if (roles instanceof Collection<?> list) {
      list.forEach(r -> result.add(String.valueOf(r)));
    }
    return result;
  }

  private static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a != null && a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()))
        .toList();
  }
}
