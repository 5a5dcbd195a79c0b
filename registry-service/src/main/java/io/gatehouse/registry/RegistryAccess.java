package io.gatehouse.registry;

import io.gatehouse.platform.security.EndpointAccess;
import io.gatehouse.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call registry-service: the one place its access rules are declared. */
@Configuration(proxyBeanMethods = false)
public class RegistryAccess {

  private static final String MLFLOW = "/api/2.0/mlflow";

  @Bean
  EndpointAccess registryEndpointAccess() {
    String[] builders = {Roles.PLATFORM, Roles.ENGINEERING};
    EndpointAccess.Builder b = EndpointAccess.builder()
        // Platform teams and the engineers who build models register, submit and describe them.
        .allow(HttpMethod.POST, "/api/v1/models", builders)
        .allow(HttpMethod.POST, "/api/v1/models/{name}/versions", builders)
        .allow(HttpMethod.PUT, "/api/v1/models/{name}/versions/{version}/submission", builders)
        .allow(HttpMethod.PUT, "/api/v1/models/{name}/versions/{version}/card", builders)
        .allow(HttpMethod.PUT, "/api/v1/models/{name}/versions/{version}/evaluation-data", builders)
        .allow(HttpMethod.PUT, "/api/v1/models/{name}/versions/{version}/lineage", builders)
        .allow(HttpMethod.POST, "/api/v1/models/{name}/versions/{version}/retirement", builders)
        // A board member overrides a tier (the aggregate checks the role again).
        .allow(HttpMethod.PUT, "/api/v1/models/{name}/risk-tier", Roles.GOVERNANCE_ADMIN, Roles.MODEL_RISK)
        // Everyone with a token reads.
        .authenticated(HttpMethod.GET, "/api/v1/models")
        .authenticated(HttpMethod.GET, "/api/v1/models/{name}")
        .authenticated(HttpMethod.GET, "/api/v1/models/{name}/versions")
        .authenticated(HttpMethod.GET, "/api/v1/models/{name}/versions/{version}")
        .authenticated(HttpMethod.GET, "/api/v1/models/{name}/versions/{version}/card")
        .authenticated(HttpMethod.GET, "/api/v1/models/{name}/versions/{version}/card/revisions/{revision}");
    // MLflow's API: reads for everyone with a token, writes as the native API (promotions are further
    // gated by approval-service's grant, whoever asks).
    for (String read : new String[] {"/registered-models/get", "/registered-models/search",
        "/registered-models/get-latest-versions", "/registered-models/alias", "/model-versions/get",
        "/model-versions/search", "/model-versions/get-download-uri"}) {
      b.authenticated(HttpMethod.GET, MLFLOW + read);
    }
    b.authenticated(HttpMethod.POST, MLFLOW + "/registered-models/get-latest-versions");
    for (String write : new String[] {"/registered-models/create", "/registered-models/rename",
        "/registered-models/set-tag", "/registered-models/alias", "/model-versions/create",
        "/model-versions/transition-stage", "/model-versions/set-tag"}) {
      b.allow(HttpMethod.POST, MLFLOW + write, builders);
    }
    b.allow(HttpMethod.PATCH, MLFLOW + "/registered-models/update", builders)
        .allow(HttpMethod.PATCH, MLFLOW + "/model-versions/update", builders);
    for (String delete : new String[] {"/registered-models/delete", "/registered-models/delete-tag",
        "/registered-models/alias", "/model-versions/delete", "/model-versions/delete-tag"}) {
      b.allow(HttpMethod.DELETE, MLFLOW + delete, builders);
    }
    // Any other MLflow path answers ENDPOINT_NOT_FOUND to anyone with a token.
    for (HttpMethod m : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE,
        HttpMethod.PUT}) {
      b.authenticated(m, MLFLOW + "/**");
    }
    return b.build();
  }
}
