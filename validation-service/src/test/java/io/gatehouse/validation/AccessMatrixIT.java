package io.gatehouse.validation;

import io.gatehouse.platform.security.EndpointInventory;
import io.gatehouse.testsupport.AbstractAccessMatrixIT;
import io.gatehouse.testsupport.AccessMatrix.Endpoint;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;

/** The role matrix of validation-service: every endpoint against every role, on the running service. */
class AccessMatrixIT extends AbstractAccessMatrixIT {

  @Autowired EndpointInventory inventory;

  @Override
  protected List<Endpoint> ownEndpoints() {
    return List.of(); // no endpoints of its own yet
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
