package io.gatehouse.audit;

import io.gatehouse.platform.security.EndpointAccess;
import io.gatehouse.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call audit-projection: the one place its access rules are declared. */
@Configuration(proxyBeanMethods = false)
public class AuditAccess {

  private static final String[] GOVERNANCE = Roles.GOVERNANCE.toArray(String[]::new);
  /** Governance roles and machine clients (monitors, witnesses, pipelines that verify the log). */
  private static final String[] GOVERNANCE_AND_SERVICE =
      java.util.stream.Stream.concat(Roles.GOVERNANCE.stream(), java.util.stream.Stream.of(Roles.SERVICE))
          .toArray(String[]::new);

  @Bean
  EndpointAccess auditEndpointAccess() {
    return EndpointAccess.builder()
        // Every governance role reads the audit log; machine clients do not.
        .allow(HttpMethod.GET, "/api/v1/audit", GOVERNANCE)
        // Checkpoints and the key are public to any caller: anyone may watch the log grow.
        .authenticated(HttpMethod.GET, "/api/v1/log/checkpoint")
        .authenticated(HttpMethod.GET, "/api/v1/log/checkpoints")
        .authenticated(HttpMethod.GET, "/api/v1/log/public-key")
        // Proofs reveal no content; a monitor or witness (SERVICE) may ask for them.
        .allow(HttpMethod.GET, "/api/v1/log/proofs/inclusion", GOVERNANCE_AND_SERVICE)
        .allow(HttpMethod.GET, "/api/v1/log/proofs/consistency", GOVERNANCE_AND_SERVICE)
        // Entries are the audit log's content: governance roles only.
        .allow(HttpMethod.GET, "/api/v1/log/entries", GOVERNANCE)
        // The integrity check re-hashes the whole log: those who answer for it.
        .allow(HttpMethod.POST, "/api/v1/log/integrity-checks", Roles.AUDITOR, Roles.GOVERNANCE_ADMIN, Roles.PLATFORM)
        .allow(HttpMethod.GET, "/api/v1/log/integrity-checks/latest", Roles.AUDITOR, Roles.GOVERNANCE_ADMIN,
            Roles.PLATFORM)
        // Governance views, state at an instant, evidence packs: governance roles.
        .allow(HttpMethod.GET, "/api/v1/views/models", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/views/reviewer-queues", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/views/approval-velocity", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/views/gate-failure-rates", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/views/drift-incidents", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/views/recertifications", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/views/break-glass-reviews", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/models/{model}/state", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/evidence/{model}/versions/{version}", GOVERNANCE)
        .allow(HttpMethod.GET, "/api/v1/evidence/{model}/versions/{version}/print", GOVERNANCE)
        // Rebuilding views locks the log while it replays: operators only.
        .allow(HttpMethod.POST, "/api/v1/views/rebuild", Roles.GOVERNANCE_ADMIN, Roles.PLATFORM)
        .build();
  }
}
