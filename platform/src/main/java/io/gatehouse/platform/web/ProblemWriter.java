package io.gatehouse.platform.web;

import io.gatehouse.contracts.EventJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an RFC 9457 problem straight to the servlet response, for the places that answer before
 * Spring MVC runs (security filters, the request size filter). Same shape as
 * {@link ProblemDetailsAdvice#problem}.
 */
public final class ProblemWriter {

  private ProblemWriter() {}

  /**
   * Writes the error in the first of {@code formats} that applies to the request, or as a problem when
   * none does.
   */
  public static void write(Iterable<ErrorBodyFormat> formats, HttpServletRequest request,
      HttpServletResponse response, int status, String code, String title, String detail) throws IOException {
    for (ErrorBodyFormat format : formats) {
      if (format.appliesTo(request)) {
        format.write(request, response, status, code, detail);
        return;
      }
    }
    write(request, response, status, code, title, detail);
  }

  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
      String title, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ProblemDetailsAdvice.type(code).toString());
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
