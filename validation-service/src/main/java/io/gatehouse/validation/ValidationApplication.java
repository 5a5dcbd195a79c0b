package io.gatehouse.validation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** validation-service. */
@SpringBootApplication
public class ValidationApplication {
  public static void main(String[] args) {
    SpringApplication.run(ValidationApplication.class, args);
  }
}
