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
        Endpoint.of("POST", "/api/v1/cases/{caseId}/break-glass", "/api/v1/cases/c/break-glass", "{}",
            "MODEL_RISK", "GOVERNANCE_ADMIN"),
        Endpoint.of("POST", "/api/v1/cases/{caseId}/recertification", "/api/v1/cases/c/recertification", "{}",
            "PLATFORM", "MODEL_RISK", "GOVERNANCE_ADMIN"),
        Endpoint.of("GET", "/api/v1/cases/break-glass-reviews", "/api/v1/cases/break-glass-reviews?overdue=true", null),
        Endpoint.of("POST", "/api/v1/models/{model}/versions/{version}/promotions",
            "/api/v1/models/m/versions/1/promotions", "{}", "PLATFORM"),
        Endpoint.of("POST", "/api/v1/models/{model}/stages/{stage}/rollback", "/api/v1/models/m/stages/production/rollback",
            "{}", "PLATFORM"),
        Endpoint.of("GET", "/api/v1/models/{model}/stages", "/api/v1/models/m/stages", null),
        Endpoint.of("GET", "/api/v1/admission", "/api/v1/admission?model=m&version=1&sha256=" + "a".repeat(64), null),
        Endpoint.of("POST", "/api/v1/admission/kubernetes", "/api/v1/admission/kubernetes", "{}", "PLATFORM", "SERVICE"),
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
