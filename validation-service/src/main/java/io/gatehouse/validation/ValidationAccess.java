package io.gatehouse.validation;

import io.gatehouse.platform.security.EndpointAccess;
import io.gatehouse.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call what on validation-service (docs/security.md has the table). */
@Configuration
public class ValidationAccess {

  @Bean
  public EndpointAccess endpointAccess() {
    String[] readers = {Roles.ENGINEERING, Roles.PRODUCT, Roles.LEGAL, Roles.ETHICS, Roles.MODEL_RISK, Roles.PLATFORM,
        Roles.GOVERNANCE_ADMIN, Roles.AUDITOR, Roles.SERVICE};
    return EndpointAccess.builder()
        .allow(HttpMethod.GET, "/api/v1/runs/{runId}", readers)
        .allow(HttpMethod.GET, "/api/v1/runs/{runId}/report", readers)
        .allow(HttpMethod.GET, "/api/v1/models/{name}/versions/{version}/runs", readers)
        .allow(HttpMethod.GET, "/api/v1/models/{name}/versions/{version}/report", readers)
        .allow(HttpMethod.POST, "/api/v1/models/{name}/versions/{version}/runs",
            Roles.ENGINEERING, Roles.PLATFORM, Roles.MODEL_RISK, Roles.GOVERNANCE_ADMIN, Roles.SERVICE)
        .allow(HttpMethod.POST, "/api/v1/evaluations",
            Roles.ENGINEERING, Roles.PLATFORM, Roles.MODEL_RISK, Roles.SERVICE)
        .build();
  }
}
