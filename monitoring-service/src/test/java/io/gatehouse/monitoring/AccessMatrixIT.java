package io.gatehouse.monitoring;

import io.gatehouse.platform.security.EndpointInventory;
import io.gatehouse.testsupport.AbstractAccessMatrixIT;
import io.gatehouse.testsupport.AccessMatrix.Endpoint;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;

/** The role matrix of monitoring-service: every endpoint against every role, on the running service. */
class AccessMatrixIT extends AbstractAccessMatrixIT {

  @Autowired EndpointInventory inventory;

  @Override
  protected List<Endpoint> ownEndpoints() {
    String[] all = {"ENGINEERING", "PRODUCT", "LEGAL", "ETHICS", "MODEL_RISK", "PLATFORM", "GOVERNANCE_ADMIN",
        "AUDITOR", "SERVICE"};
    return List.of(
        Endpoint.of("POST", "/api/v1/telemetry", "/api/v1/telemetry", "{\"observations\":[]}", "PLATFORM", "SERVICE"),
        Endpoint.of("POST", "/api/v1/alertmanager/webhook", "/api/v1/alertmanager/webhook",
            "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}", "PLATFORM", "SERVICE"),
        Endpoint.of("PUT", "/api/v1/models/{model}/versions/{version}/reference-profile",
            "/api/v1/models/nobody/versions/1/reference-profile", "{\"features\":[]}", "PLATFORM", "MODEL_RISK"),
        Endpoint.of("GET", "/api/v1/models/{model}/versions/{version}/monitoring",
            "/api/v1/models/nobody/versions/1/monitoring", null, all));
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
