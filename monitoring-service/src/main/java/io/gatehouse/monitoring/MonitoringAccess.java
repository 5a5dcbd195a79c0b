package io.gatehouse.monitoring;

import io.gatehouse.platform.security.EndpointAccess;
import io.gatehouse.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call monitoring-service: the one place its access rules are declared. */
@Configuration(proxyBeanMethods = false)
public class MonitoringAccess {

  @Bean
  EndpointAccess monitoringEndpointAccess() {
    return EndpointAccess.builder()
        // Serving platforms and collectors send telemetry; Alertmanager calls with a machine token.
        .allow(HttpMethod.POST, "/api/v1/telemetry", Roles.PLATFORM, Roles.SERVICE)
        .allow(HttpMethod.POST, "/api/v1/alertmanager/webhook", Roles.PLATFORM, Roles.SERVICE)
        // The reference decides what drift is measured against: the platform team or model risk sets it.
        .allow(HttpMethod.PUT, "/api/v1/models/{model}/versions/{version}/reference-profile", Roles.PLATFORM,
            Roles.MODEL_RISK)
        .allow(HttpMethod.GET, "/api/v1/models/{model}/versions/{version}/monitoring", Roles.ALL.toArray(String[]::new))
        .build();
  }
}
