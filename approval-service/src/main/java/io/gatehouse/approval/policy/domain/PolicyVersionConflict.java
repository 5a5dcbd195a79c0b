package io.gatehouse.approval.policy.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A document that does not carry the next version of its policy. */
public class PolicyVersionConflict extends RuleViolation {
  public PolicyVersionConflict(String policy, int offered, int last) {
    super("policy-version-conflict", Kind.CONFLICT, "Policy " + policy + " is at version " + last
        + "; a new document must say version: " + (last + 1) + ", not " + offered + ".");
  }
}
