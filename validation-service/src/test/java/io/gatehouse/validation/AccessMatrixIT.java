package io.gatehouse.validation;

import io.gatehouse.platform.security.EndpointInventory;
import io.gatehouse.testsupport.AbstractAccessMatrixIT;
import io.gatehouse.testsupport.AccessMatrix.Endpoint;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;

/** The role matrix of validation-service: every endpoint against every role, on the running service. */
class AccessMatrixIT extends AbstractAccessMatrixIT {

  private static final String[] READERS = {"ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK", "PLATFORM",
      "GOVERNANCE_ADMIN", "AUDITOR", "SERVICE"};

  @Autowired EndpointInventory inventory;

  @Override
  protected List<Endpoint> ownEndpoints() {
    return List.of(
        Endpoint.of("GET", "/api/v1/runs/{runId}", "/api/v1/runs/run-x", null, READERS),
        Endpoint.of("GET", "/api/v1/runs/{runId}/report", "/api/v1/runs/run-x/report", null, READERS),
        Endpoint.of("GET", "/api/v1/models/{name}/versions/{version}/runs", "/api/v1/models/m/versions/1/runs", null,
            READERS),
        Endpoint.of("GET", "/api/v1/models/{name}/versions/{version}/report", "/api/v1/models/m/versions/1/report",
            null, READERS),
        Endpoint.of("POST", "/api/v1/models/{name}/versions/{version}/runs", "/api/v1/models/m/versions/1/runs", "{}",
            "ENGINEERING", "PLATFORM", "MODEL_RISK", "GOVERNANCE_ADMIN", "SERVICE"),
        Endpoint.of("POST", "/api/v1/evaluations", "/api/v1/evaluations", "{}",
            "ENGINEERING", "PLATFORM", "MODEL_RISK", "SERVICE"));
  }

  @Override
  protected Set<String> serviceEndpoints() {
    return inventory.endpoints();
  }

  @Override
  protected Set<String> undeclaredEndpoints() {
    return inventory.undeclared();
  }
}
