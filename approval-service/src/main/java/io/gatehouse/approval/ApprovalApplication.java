package io.gatehouse.approval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** approval-service: approval cases, policies, sign-offs, promotion. */
@SpringBootApplication
public class ApprovalApplication {
  public static void main(String[] args) {
    SpringApplication.run(ApprovalApplication.class, args);
  }
}
