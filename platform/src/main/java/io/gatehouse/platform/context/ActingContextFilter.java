package io.gatehouse.platform.context;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the {@link ActingContext} of an HTTP request: the authenticated caller acts (the token's
 * subject, and its display name if it has one), in the caller's trace if it sent a valid
 * {@code traceparent}. The trace is echoed in the response so callers can correlate. Only the
 * open endpoints (health probes) are reached without a token; they act as nobody and change nothing.
 */
public class ActingContextFilter extends OncePerRequestFilter {

  public static final String ANONYMOUS = "anonymous";

  private final String nameClaim;

  public ActingContextFilter(String nameClaim) {
    this.nameClaim = nameClaim;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Principal principal = request.getUserPrincipal();
    String actor = principal == null ? ANONYMOUS : principal.getName();
    String name = null;
    if (principal instanceof JwtAuthenticationToken jwt && jwt.getTokenAttributes().get(nameClaim) instanceof String n) {
      name = n;
    }
    String trace = Traceparent.childOf(request.getHeader(Acting.TRACEPARENT));
    response.setHeader(Acting.TRACEPARENT, trace);
    try (ActingContext.Scope ignored = ActingContext.open(new Acting(actor, name, trace, null))) {
      chain.doFilter(request, response);
    }
  }
}
