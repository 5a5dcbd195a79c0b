package io.gatehouse.approval.rollout.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A promotion or roll-back refused by a rule; {@link #code()} names the rule. */
public class RolloutRuleViolation extends RuleViolation {

  public RolloutRuleViolation(String code, Kind kind, String message) {
    super(code, kind, message);
  }

  static RolloutRuleViolation conflict(String code, String message) {
    return new RolloutRuleViolation(code, Kind.CONFLICT, message);
  }

  static RolloutRuleViolation invalid(String code, String message) {
    return new RolloutRuleViolation(code, Kind.INVALID, message);
  }
}
