package io.gatehouse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testsupport.AccessMatrix.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A service's role matrix, run against the whole running service: every endpoint has an access
 * rule, the matrix names every endpoint, each role reaches exactly the endpoints it may, and the
 * health probes are open. A service's {@code AccessMatrixIT} supplies its matrix.
 */
public abstract class AbstractAccessMatrixIT extends ServiceIT {

  /** The role matrix of the service's own endpoints; {@link #everyService()} is added to it. */
  protected abstract List<Endpoint> ownEndpoints();

  private List<Endpoint> matrix() {
    return java.util.stream.Stream.concat(ownEndpoints().stream(), everyService().stream()).toList();
  }

  /** The service's own REST endpoints ({@code METHOD /pattern}). */
  protected abstract Set<String> serviceEndpoints();

  /** The service's endpoints that no access rule names. */
  protected abstract Set<String> undeclaredEndpoints();

  /**
   * The endpoints every service has: actuator (PLATFORM and SERVICE only) and the OpenAPI document
   * (any authenticated caller).
   */
  private static List<Endpoint> everyService() {
    return List.of(
        Endpoint.of("GET", "/v3/api-docs", "/v3/api-docs", null),
        Endpoint.of("GET", "/actuator/prometheus", "/actuator/prometheus", null, "PLATFORM", "SERVICE"),
        Endpoint.of("GET", "/actuator/metrics", "/actuator/metrics", null, "PLATFORM", "SERVICE"),
        Endpoint.of("GET", "/actuator/info", "/actuator/info", null, "PLATFORM", "SERVICE"));
  }

  @Test
  void everyEndpointHasAnAccessRuleAndIsInTheMatrix() {
    assertThat(undeclaredEndpoints()).isEmpty();
    AccessMatrix.assertCovers(serviceEndpoints(), matrix());
  }

  @Test
  void eachRoleReachesExactlyTheEndpointsItMay() throws Exception {
    AccessMatrix.verify(baseUrl(), issuer, matrix());
  }

  @Test
  void healthProbesAreOpen() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
