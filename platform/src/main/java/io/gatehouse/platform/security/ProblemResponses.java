package io.gatehouse.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import io.gatehouse.platform.web.ErrorBodyFormat;
import io.gatehouse.platform.web.ProblemWriter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, with the RFC 6750 {@code WWW-Authenticate} header that
 * Spring Security's bearer-token handlers set, and a body that says what was wrong.
 */
final class ProblemResponses {

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthorized(Iterable<ErrorBodyFormat> formats) {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    return (request, response, ex) -> {
      bearer.commence(request, response, ex);
      ProblemWriter.write(formats, request, response, 401, "unauthorized", "Unauthorized", describe(ex));
    };
  }

  static AccessDeniedHandler forbidden(Iterable<ErrorBodyFormat> formats) {
    BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    return (request, response, ex) -> {
      bearer.handle(request, response, ex);
      ProblemWriter.write(formats, request, response, 403, "role-required", "Forbidden", describe(request, ex));
    };
  }

  private static String describe(AuthenticationException ex) {
    String reason = ex.getMessage() == null ? "" : ex.getMessage();
    if (reason.startsWith("Full authentication is required")) {
      return "A bearer token is required: send 'Authorization: Bearer <access token>'.";
    }
    return "The bearer token was refused: " + reason;
  }

  private static String describe(HttpServletRequest request, AccessDeniedException ex) {
    return "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI()
        + "; see the service's access rules.";
  }

}
