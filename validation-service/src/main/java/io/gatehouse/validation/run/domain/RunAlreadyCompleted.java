package io.gatehouse.validation.run.domain;

import io.gatehouse.platform.rules.RuleViolation;

/** A run's outcome is recorded once; a second completion is refused (409). */
public class RunAlreadyCompleted extends RuleViolation {
  public RunAlreadyCompleted(String runId) {
    super("run-already-completed", Kind.CONFLICT, "Validation run " + runId + " is already completed.");
  }
}
