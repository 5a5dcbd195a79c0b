package io.gatehouse.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.platform.security.EndpointInventory;
import io.gatehouse.testsupport.AccessMatrix;
import io.gatehouse.testsupport.AccessMatrix.Endpoint;
import io.gatehouse.testsupport.PostgresDatabaseExtension;
import io.gatehouse.testsupport.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every endpoint of the running service against every role: the role matrix of approval-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
@DirtiesContext
class AccessMatrixIT {

  static final List<Endpoint> MATRIX = List.of(
        Endpoint.of("POST", "/api/v1/cases/{caseId}/sign-offs", "/api/v1/cases/c/sign-offs", "{}",
            "ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK"),
        Endpoint.of("GET", "/api/v1/cases/{caseId}", "/api/v1/cases/no-such-case", null),
        Endpoint.of("GET", "/api/v1/cases", "/api/v1/cases?limit=0", null),
        Endpoint.of("GET", "/actuator/prometheus", "/actuator/prometheus", null, "PLATFORM", "SERVICE"),
        Endpoint.of("GET", "/actuator/metrics", "/actuator/metrics", null, "PLATFORM", "SERVICE"),
        Endpoint.of("GET", "/actuator/info", "/actuator/info", null, "PLATFORM", "SERVICE"));

  @RegisterExtension
  static PostgresDatabaseExtension db = new PostgresDatabaseExtension();

  static final TestIssuer issuer = TestIssuer.start();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("gatehouse.security.issuer", issuer::issuer);
    registry.add("gatehouse.security.jwk-set-uri", issuer::jwksUri);
  }

  @AfterAll
  static void stopIssuer() {
    issuer.close();
  }

  @LocalServerPort int port;
  @Autowired EndpointInventory inventory;

  @Test
  void everyEndpointHasAnAccessRuleAndIsInTheMatrix() {
    assertThat(inventory.undeclared()).isEmpty();
    AccessMatrix.assertCovers(inventory.endpoints(), MATRIX);
  }

  @Test
  void eachRoleReachesExactlyTheEndpointsItMay() throws Exception {
    AccessMatrix.verify("http://127.0.0.1:" + port, issuer, MATRIX);
  }

  @Test
  void healthProbesAreOpen() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
