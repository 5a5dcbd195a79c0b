package io.gatehouse.validation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** validation-service: evaluation runs and their evidence. */
@SpringBootApplication
@EnableConfigurationProperties(ValidationProperties.class)
public class ValidationApplication {
  public static void main(String[] args) {
    SpringApplication.run(ValidationApplication.class, args);
  }
}
