package io.gatehouse.registry.model.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A registration or submission that breaks a rule of the registry. */
public class InvalidSubmission extends RuleViolation {
  public InvalidSubmission(String code, String message) {
    super(code, Kind.INVALID, message);
  }
}
