package io.gatehouse.approval.approvalcase.infra;

import io.gatehouse.approval.policy.domain.Policy;
import io.gatehouse.approval.policy.infra.PolicyDocuments;
import org.springframework.stereotype.Component;

/** The policy new cases open under: for now the one shipped with the service. */
@Component
public class PolicyInForce {

  private final Policy policy = PolicyDocuments.shippedDefault();

  public Policy current() {
    return policy;
  }
}
