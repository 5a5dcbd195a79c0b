package io.gatehouse.approval.approvalcase.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A command refused by a rule of the approval case; {@link #code()} names the rule. */
public class CaseRuleViolation extends RuleViolation {

  public CaseRuleViolation(String code, Kind kind, String message) {
    super(code, kind, message);
  }

  static CaseRuleViolation forbidden(String code, String message) {
    return new CaseRuleViolation(code, Kind.FORBIDDEN, message);
  }

  static CaseRuleViolation conflict(String code, String message) {
    return new CaseRuleViolation(code, Kind.CONFLICT, message);
  }

  static CaseRuleViolation invalid(String code, String message) {
    return new CaseRuleViolation(code, Kind.INVALID, message);
  }
}
