package io.gatehouse.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets a public client (client authentication method {@code none}, e.g. {@code gatehouse-cli})
 * identify itself by {@code client_id} alone where Spring Authorization Server only accepts that for
 * PKCE code exchanges: the device authorization request (RFC 8628 §3.1), the device code grant and
 * the refresh token grant. Requests carrying any client credential, and authorization code exchanges
 * (PKCE, checked by the built-in provider), are left to the built-in converters and providers.
 */
final class PublicClientIdAuthentication {

  /** Marks tokens made by {@link Converter}, so {@link Provider} never accepts a PKCE request unchecked. */
  private static final String MARKER = PublicClientIdAuthentication.class.getName();

  private PublicClientIdAuthentication() {}

  static final class Converter implements AuthenticationConverter {

    private final String deviceAuthorizationEndpoint;

    Converter(String deviceAuthorizationEndpoint) {
      this.deviceAuthorizationEndpoint = deviceAuthorizationEndpoint;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
      if (!"POST".equals(request.getMethod())) {
        return null;
      }
      String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
      boolean deviceAuthorization = request.getRequestURI().endsWith(deviceAuthorizationEndpoint);
      boolean grant = AuthorizationGrantType.DEVICE_CODE.getValue().equals(grantType)
          || AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grantType);
      if (!deviceAuthorization && !grant) {
        return null;
      }
      if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
          || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
          || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
        return null;
      }
      String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
      if (clientIds == null || clientIds.length == 0 || clientIds[0].isBlank()) {
        return null;
      }
      if (clientIds.length > 1) {
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
      }
      Map<String, Object> parameters = new HashMap<>();
      request.getParameterMap().forEach((k, v) -> {
        if (!k.equals(OAuth2ParameterNames.CLIENT_ID)) {
          parameters.put(k, v.length == 1 ? v[0] : v);
        }
      });
      parameters.put(MARKER, Boolean.TRUE);
      return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null, parameters);
    }
  }

  static final class Provider implements AuthenticationProvider {

    private final RegisteredClientRepository clients;

    Provider(RegisteredClientRepository clients) {
      this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
      OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
      if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
          || !Boolean.TRUE.equals(token.getAdditionalParameters().get(MARKER))) {
        return null;
      }
      RegisteredClient client = clients.findByClientId(String.valueOf(token.getPrincipal()));
      if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
            "Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID, null));
      }
      return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
  }
}
