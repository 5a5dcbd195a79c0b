package io.gatehouse.registry.mlflow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Component;
import io.gatehouse.platform.web.ErrorBodyFormat;

/**
 * 401, 403 and 413 under {@code /api/2.0/mlflow/} as MLflow's error JSON, so MLflow's clients show why.
 * Basic credentials are answered with how to send a bearer token instead: Gatehouse never sees
 * passwords; tokens come from the identity provider, are short-lived and carry the roles.
 */
@Component
public class MlflowErrorFormat implements ErrorBodyFormat {

  @Override
  public boolean appliesTo(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(MlflowController.BASE + "/");
  }

  @Override
  public void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String detail)
      throws IOException {
    String errorCode;
    String message = detail;
    int answer = status;
    if (status == 401) {
      errorCode = "UNAUTHENTICATED";
      String authorization = request.getHeader("Authorization");
      if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
        message = "Gatehouse accepts bearer tokens only, not a username and password (Basic): get an access token "
            + "from the identity provider and send 'Authorization: Bearer <token>' (Python: set MLFLOW_TRACKING_TOKEN "
            + "and unset MLFLOW_TRACKING_USERNAME/PASSWORD; Java: new BasicMlflowHostCreds(uri, token)).";
      }
    } else if (status == 403) {
      errorCode = "PERMISSION_DENIED";
    } else if (status == 413) {
      errorCode = "INVALID_PARAMETER_VALUE";
      answer = 400;
    } else {
      errorCode = status == 404 ? "ENDPOINT_NOT_FOUND" : "BAD_REQUEST";
    }
    response.setStatus(answer);
    response.setContentType("application/json");
    String body = "{\"error_code\":\"" + errorCode + "\",\"message\":" + quote(message) + "}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
