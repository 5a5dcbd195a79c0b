package io.gatehouse.approval;

import io.gatehouse.platform.security.EndpointAccess;
import io.gatehouse.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call approval-service: the one place its access rules are declared. */
@Configuration(proxyBeanMethods = false)
public class ApprovalAccess {

  @Bean
  EndpointAccess approvalEndpointAccess() {
    return EndpointAccess.builder()
        // Reviewers sign off; the case then checks the specific role, submitter and authors.
        .allow(HttpMethod.POST, "/api/v1/cases/{caseId}/sign-offs",
            Roles.ENGINEERING, Roles.PRODUCT, Roles.LEGAL, Roles.ETHICS, Roles.MODEL_RISK)
        // Every governance role and machine clients read cases.
        .allow(HttpMethod.GET, "/api/v1/cases/{caseId}", Roles.ALL.toArray(String[]::new))
        .allow(HttpMethod.GET, "/api/v1/cases", Roles.ALL.toArray(String[]::new))
        // Only governance administrators publish policies; everyone may read them.
        .allow(HttpMethod.POST, "/api/v1/policies", Roles.GOVERNANCE_ADMIN)
        .allow(HttpMethod.GET, "/api/v1/policies/{name}", Roles.ALL.toArray(String[]::new))
        .allow(HttpMethod.GET, "/api/v1/policies/{name}/versions/{version}", Roles.ALL.toArray(String[]::new))
        .build();
  }
}
