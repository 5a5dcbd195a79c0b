package io.gatehouse.platform.security;

import io.gatehouse.contracts.EventJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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

  static AuthenticationEntryPoint unauthorized() {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    return (request, response, ex) -> {
      bearer.commence(request, response, ex);
      write(response, request, 401, "unauthorized", "Unauthorized", describe(ex));
    };
  }

  static AccessDeniedHandler forbidden() {
    BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    return (request, response, ex) -> {
      bearer.handle(request, response, ex);
      write(response, request, 403, "role-required", "Forbidden", describe(request, ex));
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

  private static void write(HttpServletResponse response, HttpServletRequest request, int status, String code,
      String title, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:gatehouse:problem:" + code);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    body.put("code", code);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.getOutputStream().write(EventJson.mapper().writeValueAsBytes(body));
  }
}
