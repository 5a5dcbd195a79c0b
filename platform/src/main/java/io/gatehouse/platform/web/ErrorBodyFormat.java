package io.gatehouse.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A service's own error body for some of its paths, for clients that cannot read problem details:
 * MLflow's clients, for example, expect {@code {"error_code", "message"}} under {@code /api/2.0/mlflow/}.
 * Where the platform answers before Spring MVC runs (401 and 403 from the security filters, 413 from
 * the size limit) it asks each bean of this type, in order, and writes problem+json only when none
 * applies. Errors raised inside a controller are the service's own business (exception handlers).
 */
public interface ErrorBodyFormat {

  /** Whether this format answers errors of {@code request}. */
  boolean appliesTo(HttpServletRequest request);

  /**
   * Writes the error.
   *
   * @param status the HTTP status the platform chose (401, 403, 413); the format may map it to another
   * @param code the platform's stable problem code, e.g. {@code unauthorized}, {@code role-required},
   *     {@code request-too-large}
   */
  void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String detail)
      throws IOException;
}
