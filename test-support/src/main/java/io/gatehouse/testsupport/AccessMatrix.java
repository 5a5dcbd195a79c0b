package io.gatehouse.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The role matrix of a service, checked against the running service: for every endpoint, no token
 * gets 401, and each role gets 403 exactly when it is not among the allowed ones (any other status
 * means the request got past authorization).
 */
public final class AccessMatrix {

  /** Every role a Gatehouse token may carry. */
  public static final List<String> ROLES = List.of("ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK",
      "PLATFORM", "GOVERNANCE_ADMIN", "AUDITOR", "SERVICE");

  /**
   * One endpoint as the test calls it.
   *
   * @param pattern the path pattern as mapped (for the coverage check), e.g. {@code /api/v1/models/{name}}
   * @param path a concrete path to call
   * @param body a JSON body for methods that take one (invalid is fine: validation runs after authorization)
   * @param allowed roles allowed; empty means any authenticated caller
   */
  public record Endpoint(String method, String pattern, String path, String body, Set<String> allowed) {

    public static Endpoint of(String method, String pattern, String path, String body, String... allowed) {
      return new Endpoint(method, pattern, path, body, Set.of(allowed));
    }

    public String key() {
      return method + " " + pattern;
    }
  }

  private AccessMatrix() {}

  /** The matrix names exactly the service's endpoints: none forgotten, none made up. */
  public static void assertCovers(Set<String> serviceEndpoints, List<Endpoint> endpoints) {
    Set<String> tested = new java.util.TreeSet<>();
    endpoints.forEach(e -> tested.add(e.key()));
    Set<String> untested = new java.util.TreeSet<>(serviceEndpoints);
    untested.removeAll(tested);
    if (!untested.isEmpty()) {
      throw new AssertionError("endpoints missing from the role matrix: " + untested);
    }
  }

  public static void verify(String baseUrl, TestIssuer issuer, List<Endpoint> endpoints) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : endpoints) {
      int anonymous = call(http, baseUrl, e, null);
      if (anonymous != 401) {
        wrong.add(e.key() + " without a token: " + anonymous + ", expected 401");
      }
      for (String role : ROLES) {
        int status = call(http, baseUrl, e, issuer.token("matrix-" + role.toLowerCase(), role));
        boolean allowed = e.allowed().isEmpty() || e.allowed().contains(role);
        if (allowed && (status == 401 || status == 403)) {
          wrong.add(e.key() + " as " + role + ": " + status + ", expected to pass authorization");
        } else if (!allowed && status != 403) {
          wrong.add(e.key() + " as " + role + ": " + status + ", expected 403");
        }
      }
    }
    if (!wrong.isEmpty()) {
      throw new AssertionError("role matrix violated:\n  " + String.join("\n  ", wrong));
    }
  }

  private static int call(HttpClient http, String baseUrl, Endpoint e, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + e.path()));
    if (e.body() != null) {
      b.header("content-type", "application/json");
      b.method(e.method(), HttpRequest.BodyPublishers.ofString(e.body()));
    } else {
      b.method(e.method(), HttpRequest.BodyPublishers.noBody());
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
