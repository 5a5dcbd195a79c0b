package io.gatehouse.audit.auditlog.infra;

import io.gatehouse.platform.rules.RuleViolation;

/** A request about the log that cannot be answered as asked: the code says which rule. */
public class LogRefused extends RuleViolation {
  public LogRefused(String code, Kind kind, String message) {
    super(code, kind, message);
  }
}
