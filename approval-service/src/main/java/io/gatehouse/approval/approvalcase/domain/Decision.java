package io.gatehouse.approval.approvalcase.domain;

/** What a reviewer decides. REJECT ends the case; REQUEST_CHANGES ends it pending a new version. */
public enum Decision {
  APPROVE, REJECT, REQUEST_CHANGES;

  /** Reads a decision as it travels (a string), refusing anything else by name. */
  public static Decision parse(String value) {
    for (Decision d : values()) {
      if (d.name().equals(value)) {
        return d;
      }
    }
    throw CaseRuleViolation.invalid("unknown-decision",
        "The decision must be APPROVE, REJECT or REQUEST_CHANGES, not '" + value + "'.");
  }
}
