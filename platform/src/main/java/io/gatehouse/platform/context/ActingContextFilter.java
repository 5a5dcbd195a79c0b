package io.gatehouse.platform.context;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the {@link ActingContext} of an HTTP request: the authenticated principal acts (anonymous
 * while no authentication is configured), in the caller's trace if it sent a valid
 * {@code traceparent}. The trace is echoed in the response so callers can correlate.
 */
public class ActingContextFilter extends OncePerRequestFilter {

  public static final String ANONYMOUS = "anonymous";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Principal principal = request.getUserPrincipal();
    String actor = principal == null ? ANONYMOUS : principal.getName();
    String trace = Traceparent.childOf(request.getHeader(Acting.TRACEPARENT));
    response.setHeader(Acting.TRACEPARENT, trace);
    try (ActingContext.Scope ignored = ActingContext.open(new Acting(actor, null, trace, null))) {
      chain.doFilter(request, response);
    }
  }
}
