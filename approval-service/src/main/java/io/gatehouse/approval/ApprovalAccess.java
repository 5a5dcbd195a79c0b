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
        // Senior approvers act in an emergency; the case checks the two-person rule.
        .allow(HttpMethod.POST, "/api/v1/cases/{caseId}/break-glass", Roles.MODEL_RISK, Roles.GOVERNANCE_ADMIN)
        // The owning platform team or the board starts recertification.
        .allow(HttpMethod.POST, "/api/v1/cases/{caseId}/recertification", Roles.PLATFORM, Roles.MODEL_RISK,
            Roles.GOVERNANCE_ADMIN)
        .allow(HttpMethod.GET, "/api/v1/cases/break-glass-reviews", Roles.ALL.toArray(String[]::new))
        // Platform callers move versions between stages and roll back; everyone reads the stages.
        .allow(HttpMethod.POST, "/api/v1/models/{model}/versions/{version}/promotions", Roles.PLATFORM)
        .allow(HttpMethod.POST, "/api/v1/models/{model}/stages/{stage}/rollback", Roles.PLATFORM)
        .allow(HttpMethod.GET, "/api/v1/models/{model}/stages", Roles.ALL.toArray(String[]::new))
        // Serving platforms ask at deploy time; the Kubernetes API server calls the webhook with a
        // PLATFORM or SERVICE token.
        .allow(HttpMethod.GET, "/api/v1/admission", Roles.ALL.toArray(String[]::new))
        .allow(HttpMethod.POST, "/api/v1/admission/kubernetes", Roles.PLATFORM, Roles.SERVICE)
        // Only governance administrators publish policies; everyone may read them.
        .allow(HttpMethod.POST, "/api/v1/policies", Roles.GOVERNANCE_ADMIN)
        .allow(HttpMethod.GET, "/api/v1/policies/{name}", Roles.ALL.toArray(String[]::new))
        .allow(HttpMethod.GET, "/api/v1/policies/{name}/versions/{version}", Roles.ALL.toArray(String[]::new))
        .build();
  }
}
