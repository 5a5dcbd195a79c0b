package io.gatehouse.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The development identity provider (port 9000). Not for production. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

  public static void main(String[] args) {
    SpringApplication.run(IdentityProviderApplication.class, args);
  }
}
