package io.gatehouse.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details, shaped like the services' ({@code urn:gatehouse:problem:<code>} plus {@code code}). */
final class ProblemResponses {

  private ProblemResponses() {}

  /** 401 for HTTP Basic: a {@code WWW-Authenticate: Basic} challenge and a body saying how to authenticate. */
  static AuthenticationEntryPoint basicUnauthorized(String realm) {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
      boolean sentCredentials = request.getHeader("Authorization") != null;
      write(request, response, 401, "unauthorized", "Unauthorized", sentCredentials
          ? "Wrong user name or password; the demo users are listed in identity-provider/README.md."
          : "Authenticate with HTTP Basic as a demo user, e.g. curl -u legal:gatehouse -X POST .../dev/token");
    };
  }

  static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
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
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body));
  }
}
