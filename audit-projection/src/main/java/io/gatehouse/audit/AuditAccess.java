package io.gatehouse.audit;

import io.gatehouse.platform.security.EndpointAccess;
import io.gatehouse.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call audit-projection: the one place its access rules are declared. */
@Configuration(proxyBeanMethods = false)
public class AuditAccess {

  @Bean
  EndpointAccess auditEndpointAccess() {
    return EndpointAccess.builder()
        // Every governance role reads the audit log; machine clients do not.
        .allow(HttpMethod.GET, "/api/v1/audit", Roles.GOVERNANCE.toArray(String[]::new))
        .build();
  }
}
