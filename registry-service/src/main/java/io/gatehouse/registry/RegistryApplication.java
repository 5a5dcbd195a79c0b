package io.gatehouse.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** registry-service: models, versions, artifact digests, model cards, lineage, risk tiers. */
@SpringBootApplication
public class RegistryApplication {
  public static void main(String[] args) {
    SpringApplication.run(RegistryApplication.class, args);
  }
}
