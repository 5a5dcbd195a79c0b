package io.gatehouse.approval.rollout.infra;

import io.gatehouse.platform.rules.RuleViolation;
import java.util.List;

/** A roll-back with no approved version to return to ({@code no-approved-version-to-roll-back-to}, 409). */
final class RolloutRefusal extends RuleViolation {

  private RolloutRefusal(String message) {
    super("no-approved-version-to-roll-back-to", Kind.CONFLICT, message);
  }

  static RolloutRefusal noTarget(String model, String stage, int from, List<String> refused) {
    return new RolloutRefusal("Cannot roll " + stage + " of " + model + " back from version " + from + ": "
        + (refused.isEmpty() ? "no earlier version held it." : "no earlier version's approval stands ("
        + String.join("; ", refused) + ")."));
  }
}
