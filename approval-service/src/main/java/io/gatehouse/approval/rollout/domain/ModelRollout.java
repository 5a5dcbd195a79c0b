package io.gatehouse.approval.rollout.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.approval.policy.domain.TierPolicy.RolloutPhase;
import io.gatehouse.approval.rollout.api.RolloutStarted;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.contracts.approval.RolloutPaused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Which version of a model holds each stage, which one is rolling out in it, and who held it before.
 * One per model, so that promotion is atomic per model: the step that gives a version all of a
 * stage's traffic demotes the one that held it, in the same event.
 */
@Aggregate
public class ModelRollout {

  @AggregateIdentifier
  private String rolloutId;
  private String modelName;
  private final Map<String, Position> holders = new HashMap<>();
  private final Map<String, Position> candidates = new HashMap<>();
  /** Earlier holders per stage, the most recent first. */
  private final Map<String, List<Position>> earlier = new HashMap<>();

  /** A version's place in a stage. */
  public record Position(int version, String caseId, String phase, int trafficPercent, Instant since) {}

  /** The stages of a model as they stand. */
  public record Stages(String modelName, Map<String, Position> holders, Map<String, Position> rollingOut,
      Map<String, List<Position>> earlierHolders) {}

  /** What a roll-back of a stage would withdraw, and the versions it may return to, in order of preference. */
  public record RollbackOptions(String stage, Position from, List<Position> targets) {}

  public ModelRollout() {
    // for Axon, and for the first promotion of a model
  }

  public static String idOf(String modelName) {
    return "rollout:" + modelName;
  }

  public PhaseOrder.StageState state(String stage) {
    Position holder = holders.get(stage);
    Position candidate = candidates.get(stage);
    return new PhaseOrder.StageState(holder == null ? null : holder.version(),
        candidate == null ? null : candidate.version(), candidate == null ? null : candidate.phase());
  }

  public PhaseOrder.Step plan(String stage, int version, String requestedPhase, List<RolloutPhase> phases) {
    PhaseOrder.checkStage(stage);
    return PhaseOrder.next(stage, version, requestedPhase, phases, state(stage));
  }

  public void promote(String model, int version, String caseId, String artifactSha256, PhaseOrder.Step step,
      String promotedBy, Instant now) {
    if (rolloutId == null) {
      apply(new RolloutStarted(idOf(model), model, now));
    }
    apply(new ModelPromoted(caseId, modelName, version, artifactSha256, step.stage(), step.phase(),
        step.trafficPercent(), step.demotedVersion(), promotedBy, now));
  }

  /**
   * The version a roll-back of {@code stage} withdraws (one rolling out, else the holder) and the
   * versions it may return to.
   */
  public RollbackOptions rollbackOptions(String stage) {
    PhaseOrder.checkStage(stage);
    Position candidate = candidates.get(stage);
    Position holder = holders.get(stage);
    List<Position> targets = new ArrayList<>();
    if (candidate != null) {
      if (holder != null) {
        targets.add(holder);
      }
      targets.addAll(earlier.getOrDefault(stage, List.of()));
      return new RollbackOptions(stage, candidate, targets);
    }
    if (holder == null) {
      throw RolloutRuleViolation.conflict("nothing-to-roll-back", "No version of " + modelName + " is in " + stage + ".");
    }
    targets.addAll(earlier.getOrDefault(stage, List.of()));
    return new RollbackOptions(stage, holder, targets);
  }

  public void rollBack(RollbackOptions options, Position to, String reason, String rolledBackBy, Instant now) {
    apply(new ModelRolledBack(options.from().caseId(), modelName, options.from().version(), to.version(),
        options.stage(), reason, rolledBackBy, now));
  }

  /** Pauses the rollout of {@code version} where it is; returns false when it is not rolling out. */
  public boolean pause(int version, String reason, String pausedBy, Instant now) {
    for (Map.Entry<String, Position> c : candidates.entrySet()) {
      if (c.getValue().version() == version) {
        apply(new RolloutPaused(c.getValue().caseId(), modelName, version, c.getKey(), c.getValue().phase(), reason,
            pausedBy, now));
        return true;
      }
    }
    return false;
  }

  /** The stages {@code version} is in (holding them or rolling out). */
  public List<String> stagesOf(int version) {
    List<String> stages = new ArrayList<>();
    for (String stage : PhaseOrder.STAGES) {
      Position h = holders.get(stage);
      Position c = candidates.get(stage);
      if ((h != null && h.version() == version) || (c != null && c.version() == version)) {
        stages.add(stage);
      }
    }
    return stages;
  }

  public Stages stages() {
    Map<String, List<Position>> history = new LinkedHashMap<>();
    earlier.forEach((k, v) -> history.put(k, List.copyOf(v)));
    return new Stages(modelName, Map.copyOf(holders), Map.copyOf(candidates), history);
  }

  @EventSourcingHandler
  void on(RolloutStarted e) {
    rolloutId = e.rolloutId();
    modelName = e.modelName();
  }

  @EventSourcingHandler
  void on(ModelPromoted e) {
    Position p = new Position(e.version(), e.caseId(), e.rolloutPhase(), e.trafficPercent(), e.promotedAt());
    if (e.trafficPercent() < 100) {
      candidates.put(e.stage(), p);
      return;
    }
    candidates.remove(e.stage());
    Position previous = holders.put(e.stage(), p);
    List<Position> history = earlier.computeIfAbsent(e.stage(), s -> new ArrayList<>());
    history.removeIf(h -> h.version() == e.version());
    if (previous != null && previous.version() != e.version()) {
      history.add(0, previous);
    }
  }

  @EventSourcingHandler
  void on(ModelRolledBack e) {
    Position candidate = candidates.get(e.stage());
    if (candidate != null && candidate.version() == e.fromVersion()) {
      candidates.remove(e.stage());
      Position holder = holders.get(e.stage());
      if (holder != null && holder.version() == e.toVersion()) {
        return;
      }
    }
    List<Position> history = earlier.computeIfAbsent(e.stage(), s -> new ArrayList<>());
    Position to = null;
    while (!history.isEmpty()) {
      Position h = history.remove(0);
      if (h.version() == e.toVersion()) {
        to = h;
        break;
      }
    }
    if (to == null) {
      to = new Position(e.toVersion(), null, "general", 100, e.rolledBackAt());
    }
    holders.put(e.stage(), new Position(to.version(), to.caseId(), to.phase(), 100, e.rolledBackAt()));
  }
}
