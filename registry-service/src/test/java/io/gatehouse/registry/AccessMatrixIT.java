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
    String[] builders = {"PLATFORM", "ENGINEERING"};
    String m = "/api/2.0/mlflow";
    List<Endpoint> e = new java.util.ArrayList<>(List.of(
        Endpoint.of("POST", "/api/v1/models", "/api/v1/models", "{}", builders),
        Endpoint.of("GET", "/api/v1/models", "/api/v1/models", null),
        Endpoint.of("GET", "/api/v1/models/{name}", "/api/v1/models/m", null),
        Endpoint.of("PUT", "/api/v1/models/{name}/risk-tier", "/api/v1/models/m/risk-tier", "{}",
            "GOVERNANCE_ADMIN", "MODEL_RISK"),
        Endpoint.of("POST", "/api/v1/models/{name}/versions", "/api/v1/models/m/versions", "{}", builders),
        Endpoint.of("GET", "/api/v1/models/{name}/versions", "/api/v1/models/m/versions", null),
        Endpoint.of("GET", "/api/v1/models/{name}/versions/{version}", "/api/v1/models/m/versions/1", null),
        Endpoint.of("PUT", "/api/v1/models/{name}/versions/{version}/submission", "/api/v1/models/m/versions/1/submission",
            "{}", builders),
        Endpoint.of("PUT", "/api/v1/models/{name}/versions/{version}/card", "/api/v1/models/m/versions/1/card", "[]",
            builders),
        Endpoint.of("PUT", "/api/v1/models/{name}/versions/{version}/evaluation-data",
            "/api/v1/models/m/versions/1/evaluation-data", "{}", builders),
        Endpoint.of("PUT", "/api/v1/models/{name}/versions/{version}/lineage", "/api/v1/models/m/versions/1/lineage",
            "{}", builders),
        Endpoint.of("GET", "/api/v1/models/{name}/versions/{version}/card", "/api/v1/models/m/versions/1/card", null),
        Endpoint.of("GET", "/api/v1/models/{name}/versions/{version}/card/revisions/{revision}",
            "/api/v1/models/m/versions/1/card/revisions/1", null),
        Endpoint.of("POST", "/api/v1/models/{name}/versions/{version}/retirement",
            "/api/v1/models/m/versions/1/retirement", "{}", builders)));
    for (String read : List.of("/registered-models/get", "/registered-models/search",
        "/registered-models/get-latest-versions", "/registered-models/alias", "/model-versions/get",
        "/model-versions/search", "/model-versions/get-download-uri")) {
      e.add(Endpoint.of("GET", m + read, m + read, null));
    }
    e.add(Endpoint.of("POST", m + "/registered-models/get-latest-versions", m + "/registered-models/get-latest-versions",
        "{}"));
    for (String write : List.of("/registered-models/create", "/registered-models/rename", "/registered-models/set-tag",
        "/registered-models/alias", "/model-versions/create", "/model-versions/transition-stage",
        "/model-versions/set-tag")) {
      e.add(Endpoint.of("POST", m + write, m + write, "{}", builders));
    }
    e.add(Endpoint.of("PATCH", m + "/registered-models/update", m + "/registered-models/update", "{}", builders));
    e.add(Endpoint.of("PATCH", m + "/model-versions/update", m + "/model-versions/update", "{}", builders));
    for (String delete : List.of("/registered-models/delete", "/registered-models/delete-tag", "/registered-models/alias",
        "/model-versions/delete", "/model-versions/delete-tag")) {
      e.add(Endpoint.of("DELETE", m + delete, m + delete, "{}", builders));
    }
    for (String method : List.of("GET", "POST", "PATCH", "DELETE", "PUT")) {
      e.add(Endpoint.of(method, m + "/**", m + "/experiments/list", "GET".equals(method) ? null : "{}"));
    }
    return e;
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
