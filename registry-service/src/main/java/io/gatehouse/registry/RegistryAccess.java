package io.gatehouse.registry;

import io.gatehouse.platform.security.EndpointAccess;
import io.gatehouse.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call registry-service: the one place its access rules are declared. */
@Configuration(proxyBeanMethods = false)
public class RegistryAccess {

  @Bean
  EndpointAccess registryEndpointAccess() {
    return EndpointAccess.builder()
        // Platform teams and the engineers who build models register and submit them.
        .allow(HttpMethod.POST, "/api/v1/models", Roles.PLATFORM, Roles.ENGINEERING)
        .allow(HttpMethod.POST, "/api/v1/models/{name}/versions", Roles.PLATFORM, Roles.ENGINEERING)
        .build();
  }
}
