package io.gatehouse.approval;

import io.gatehouse.platform.security.EndpointInventory;
import io.gatehouse.testsupport.AbstractAccessMatrixIT;
import io.gatehouse.testsupport.AccessMatrix.Endpoint;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;

/** The role matrix of approval-service: every endpoint against every role, on the running service. */
class AccessMatrixIT extends AbstractAccessMatrixIT {

  @Autowired EndpointInventory inventory;

  @Override
  protected List<Endpoint> ownEndpoints() {
    return List.of(
        Endpoint.of("POST", "/api/v1/cases/{caseId}/sign-offs", "/api/v1/cases/c/sign-offs", "{}",
            "ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK"),
        Endpoint.of("GET", "/api/v1/cases/{caseId}", "/api/v1/cases/no-such-case", null),
        Endpoint.of("GET", "/api/v1/cases", "/api/v1/cases?limit=0", null),
        Endpoint.of("POST", "/api/v1/policies", "/api/v1/policies", "{}", "GOVERNANCE_ADMIN"),
        Endpoint.of("GET", "/api/v1/policies/{name}", "/api/v1/policies/no-such-policy", null),
        Endpoint.of("GET", "/api/v1/policies/{name}/versions/{version}", "/api/v1/policies/default/versions/0", null));
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
