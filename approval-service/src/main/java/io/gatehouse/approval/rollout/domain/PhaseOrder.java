package io.gatehouse.approval.rollout.domain;

import io.gatehouse.approval.policy.domain.TierPolicy.RolloutPhase;
import java.util.List;

/**
 * The order of stages and phases:
 * <ul>
 *   <li>stages are {@code staging} and {@code production} ({@code unknown-stage}, 422);</li>
 *   <li>staging has one step; production goes through the policy's rollout phases in order, one at a
 *       time ({@code phase-order}, 409; {@code unknown-phase}, 422);</li>
 *   <li>a version that already holds a stage is not promoted into it again ({@code already-in-stage}, 409);</li>
 *   <li>one version rolls out in production at a time ({@code rollout-in-progress}, 409);</li>
 *   <li>the step that carries all traffic demotes the version that held the stage.</li>
 * </ul>
 */
public final class PhaseOrder {

  public static final String STAGING = "staging";
  public static final String PRODUCTION = "production";
  public static final List<String> STAGES = List.of(STAGING, PRODUCTION);
  /** Staging's single step. */
  public static final RolloutPhase STAGING_STEP = new RolloutPhase("general", 100);

  /** Who holds a stage now, and which version is rolling out in it (and in which phase). */
  public record StageState(Integer holder, Integer candidate, String candidatePhase) {

    public static final StageState EMPTY = new StageState(null, null, null);
  }

  /** The step a promotion takes; {@code demotedVersion} is set when it takes the stage over. */
  public record Step(String stage, String phase, int trafficPercent, boolean takesOver, Integer demotedVersion) {}

  private PhaseOrder() {}

  public static void checkStage(String stage) {
    if (!STAGES.contains(stage)) {
      throw RolloutRuleViolation.invalid("unknown-stage", "Unknown stage '" + stage + "'; stages are " + STAGES + ".");
    }
  }

  public static Step next(String stage, int version, String requestedPhase, List<RolloutPhase> phases, StageState state) {
    checkStage(stage);
    List<RolloutPhase> steps = STAGING.equals(stage) ? List.of(STAGING_STEP) : phases;
    if (Integer.valueOf(version).equals(state.holder())) {
      throw RolloutRuleViolation.conflict("already-in-stage",
          "Version " + version + " already holds " + stage + " with all its traffic.");
    }
    if (state.candidate() != null && state.candidate() != version) {
      throw RolloutRuleViolation.conflict("rollout-in-progress", "Version " + state.candidate() + " is rolling out in "
          + stage + " (phase " + state.candidatePhase() + "); finish its rollout or roll it back first.");
    }
    int next = 0;
    if (state.candidate() != null) {
      next = indexOf(steps, state.candidatePhase()) + 1;
    }
    if (next >= steps.size()) {
      next = steps.size() - 1; // the policy changed under a running rollout: the last step completes it
    }
    RolloutPhase step = steps.get(next);
    if (requestedPhase != null && !requestedPhase.equals(step.phase())) {
      if (indexOf(steps, requestedPhase) < 0) {
        throw RolloutRuleViolation.invalid("unknown-phase", "The policy's " + stage + " phases are "
            + steps.stream().map(RolloutPhase::phase).toList() + "; there is no phase '" + requestedPhase + "'.");
      }
      throw RolloutRuleViolation.conflict("phase-order", "Phases go in order " + steps.stream().map(RolloutPhase::phase)
          .toList() + "; the next one for version " + version + " is " + step.phase() + ", not " + requestedPhase + ".");
    }
    boolean takesOver = next == steps.size() - 1;
    return new Step(stage, step.phase(), step.traffic(), takesOver, takesOver ? state.holder() : null);
  }

  private static int indexOf(List<RolloutPhase> steps, String phase) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).phase().equals(phase)) {
        return i;
      }
    }
    return -1;
  }
}
