package io.gatehouse.audit;

import io.gatehouse.audit.auditlog.infra.AuditLogProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** audit-projection: the audit log of every domain event and the views governance boards read. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(AuditLogProperties.class)
public class AuditApplication {
  public static void main(String[] args) {
    SpringApplication.run(AuditApplication.class, args);
  }
}
