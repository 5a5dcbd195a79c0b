package io.gatehouse.approval.policy.domain;

import io.gatehouse.contracts.approval.RequiredSignOff;
import java.time.Period;
import java.util.List;

/** What one risk tier requires before a version may be approved. */
public record TierPolicy(List<Gate> gates, List<RequiredSignOff> signOffs, Period approvalValidFor) {

  /** A gate: an expression over the computed metrics that must hold. */
  public record Gate(String id, String expr) {}

  public List<String> gateIds() {
    return gates.stream().map(Gate::id).toList();
  }
}
