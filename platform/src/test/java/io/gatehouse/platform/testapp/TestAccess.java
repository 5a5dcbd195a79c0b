package io.gatehouse.platform.testapp;

import io.gatehouse.platform.security.EndpointAccess;
import io.gatehouse.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the test app's endpoints. */
@Configuration(proxyBeanMethods = false)
public class TestAccess {
  @Bean
  EndpointAccess testEndpointAccess() {
    return EndpointAccess.builder()
        .allow(HttpMethod.POST, "/test/models", Roles.PLATFORM)
        .authenticated(HttpMethod.GET, "/test/page")
        .authenticated(HttpMethod.POST, "/test/whoami")
        .build();
  }
}
