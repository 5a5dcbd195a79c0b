package io.gatehouse.audit;

import io.gatehouse.platform.security.EndpointInventory;
import io.gatehouse.testsupport.AbstractAccessMatrixIT;
import io.gatehouse.testsupport.AccessMatrix.Endpoint;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;

/** The role matrix of audit-projection: every endpoint against every role, on the running service. */
class AccessMatrixIT extends AbstractAccessMatrixIT {

  private static final String[] GOVERNANCE = {"ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK", "PLATFORM",
      "GOVERNANCE_ADMIN", "AUDITOR"};
  private static final String[] GOVERNANCE_AND_SERVICE = {"ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK",
      "PLATFORM", "GOVERNANCE_ADMIN", "AUDITOR", "SERVICE"};

  @Autowired EndpointInventory inventory;

  @Override
  protected List<Endpoint> ownEndpoints() {
    return List.of(
        Endpoint.of("GET", "/api/v1/audit", "/api/v1/audit?limit=0", null, GOVERNANCE),
        Endpoint.of("GET", "/api/v1/log/checkpoint", "/api/v1/log/checkpoint", null),
        Endpoint.of("GET", "/api/v1/log/checkpoints", "/api/v1/log/checkpoints?treeSize=0", null),
        Endpoint.of("GET", "/api/v1/log/public-key", "/api/v1/log/public-key", null),
        Endpoint.of("GET", "/api/v1/log/proofs/inclusion", "/api/v1/log/proofs/inclusion?index=0", null,
            GOVERNANCE_AND_SERVICE),
        Endpoint.of("GET", "/api/v1/log/proofs/consistency", "/api/v1/log/proofs/consistency?from=1&to=1", null,
            GOVERNANCE_AND_SERVICE),
        Endpoint.of("GET", "/api/v1/log/entries", "/api/v1/log/entries?start=0&end=1", null, GOVERNANCE),
        Endpoint.of("POST", "/api/v1/log/integrity-checks", "/api/v1/log/integrity-checks", null, "AUDITOR",
            "GOVERNANCE_ADMIN", "PLATFORM"),
        Endpoint.of("GET", "/api/v1/log/integrity-checks/latest", "/api/v1/log/integrity-checks/latest", null,
            "AUDITOR", "GOVERNANCE_ADMIN", "PLATFORM"),
        Endpoint.of("GET", "/api/v1/views/models", "/api/v1/views/models", null, GOVERNANCE),
        Endpoint.of("GET", "/api/v1/views/reviewer-queues", "/api/v1/views/reviewer-queues?role=LEGAL", null,
            GOVERNANCE),
        Endpoint.of("GET", "/api/v1/views/approval-velocity", "/api/v1/views/approval-velocity", null, GOVERNANCE),
        Endpoint.of("GET", "/api/v1/views/gate-failure-rates", "/api/v1/views/gate-failure-rates", null, GOVERNANCE),
        Endpoint.of("GET", "/api/v1/views/drift-incidents", "/api/v1/views/drift-incidents", null, GOVERNANCE),
        Endpoint.of("GET", "/api/v1/views/recertifications", "/api/v1/views/recertifications", null, GOVERNANCE),
        Endpoint.of("GET", "/api/v1/views/break-glass-reviews", "/api/v1/views/break-glass-reviews", null,
            GOVERNANCE),
        Endpoint.of("GET", "/api/v1/models/{model}/state", "/api/v1/models/nope/state", null, GOVERNANCE),
        Endpoint.of("GET", "/api/v1/evidence/{model}/versions/{version}", "/api/v1/evidence/nope/versions/1", null,
            GOVERNANCE),
        Endpoint.of("GET", "/api/v1/evidence/{model}/versions/{version}/print",
            "/api/v1/evidence/nope/versions/1/print", null, GOVERNANCE),
        Endpoint.of("POST", "/api/v1/views/rebuild", "/api/v1/views/rebuild", null, "GOVERNANCE_ADMIN", "PLATFORM"));
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
