package io.gatehouse.registry;

import io.gatehouse.platform.security.EndpointInventory;
import io.gatehouse.testsupport.AbstractAccessMatrixIT;
import io.gatehouse.testsupport.AccessMatrix.Endpoint;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;

/** The role matrix of registry-service: every endpoint against every role, on the running service. */
class AccessMatrixIT extends AbstractAccessMatrixIT {

  @Autowired EndpointInventory inventory;

  @Override
  protected List<Endpoint> ownEndpoints() {
    return List.of(
        Endpoint.of("POST", "/api/v1/models", "/api/v1/models", "{}", "PLATFORM", "ENGINEERING"),
        Endpoint.of("POST", "/api/v1/models/{name}/versions", "/api/v1/models/m/versions", "{}", "PLATFORM", "ENGINEERING"));
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
