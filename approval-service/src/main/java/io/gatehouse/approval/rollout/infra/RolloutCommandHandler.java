package io.gatehouse.approval.rollout.infra;

import io.gatehouse.approval.approvalcase.domain.ApprovalCase;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.approval.policy.domain.PolicyLookup;
import io.gatehouse.approval.approvalcase.domain.Standing;
import io.gatehouse.approval.policy.domain.TierPolicy;
import io.gatehouse.approval.rollout.api.PromotionResult;
import io.gatehouse.approval.rollout.api.Promote;
import io.gatehouse.approval.rollout.api.RespondToDrift;
import io.gatehouse.approval.rollout.api.RollBack;
import io.gatehouse.approval.rollout.api.RollbackResult;
import io.gatehouse.approval.rollout.domain.ModelRollout;
import io.gatehouse.approval.rollout.domain.PhaseOrder;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.platform.rules.RuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Commands that act on a model's rollout and on one or more of its cases in one unit of work, hence
 * one database transaction: the case's check of its approval and the rollout's move commit together
 * or not at all. Aggregates are always loaded rollout first, then cases, so two such commands never
 * wait on each other in opposite order.
 */
@Component
public class RolloutCommandHandler {

  private static final Logger log = LoggerFactory.getLogger(RolloutCommandHandler.class);

  private final Repository<ApprovalCase> cases;
  private final Repository<ModelRollout> rollouts;
  private final PolicyLookup policies;
  private final EventStore events;
  private final MeterRegistry meters;

  public RolloutCommandHandler(Repository<ApprovalCase> cases, Repository<ModelRollout> rollouts,
      PolicyLookup policies, EventStore events, MeterRegistry meters) {
    this.cases = cases;
    this.rollouts = rollouts;
    this.policies = policies;
    this.events = events;
    this.meters = meters;
  }

  @CommandHandler
  public PromotionResult handle(Promote cmd, Clock clock) {
    PhaseOrder.checkStage(cmd.stage());
    Instant now = clock.instant();
    Aggregate<ModelRollout> rollout = loadOrCreateRollout(cmd.modelName());
    Aggregate<ApprovalCase> kase = loadCase(cmd.modelName(), cmd.version());
    Standing standing = kase.invoke(c -> c.standing(now));
    standing.requireApproved();
    TierPolicy tier = kase.invoke(c -> c.tierPolicy(policies));
    PhaseOrder.Step step = rollout.invoke(r -> r.plan(cmd.stage(), cmd.version(), cmd.phase(), tier.rollout()));
    kase.execute(c -> c.enterStage(step.stage(), step.phase(), step.trafficPercent(), now));
    rollout.execute(r -> r.promote(cmd.modelName(), cmd.version(), standing.caseId(), standing.artifactSha256(), step,
        cmd.requestedBy(), now));
    return new PromotionResult(standing.caseId(), cmd.modelName(), cmd.version(), step.stage(), step.phase(),
        step.trafficPercent(), step.demotedVersion());
  }

  @CommandHandler
  public RollbackResult handle(RollBack cmd, Clock clock) {
    PhaseOrder.checkStage(cmd.stage());
    Aggregate<ModelRollout> rollout = loadRollout(cmd.modelName());
    if (rollout == null) {
      throw new AggregateNotFoundException(ModelRollout.idOf(cmd.modelName()),
          "No version of " + cmd.modelName() + " was ever promoted; there is nothing to roll back.");
    }
    return rollBack(rollout, cmd.modelName(), cmd.stage(), cmd.reason(), cmd.requestedBy(), clock.instant());
  }

  /**
   * Applies the drift response of the policy the drifting version's case follows. Returns what was
   * done: {@code ignored} (no case, or below the warn threshold), {@code alert}, {@code suspended},
   * {@code rolled-back}.
   */
  @CommandHandler
  public String handle(RespondToDrift cmd, Clock clock) {
    DriftDetected signal = cmd.signal();
    Instant now = clock.instant();
    Aggregate<ModelRollout> rollout = loadRollout(signal.modelName());
    if (events.lastSequenceNumberFor(CaseIds.of(signal.modelName(), signal.version())).isEmpty()) {
      log.warn("Drift signal {} names {} version {}, which has no approval case; nothing to respond to",
          signal.signalId(), signal.modelName(), signal.version());
      return count("ignored");
    }
    Aggregate<ApprovalCase> kase = loadCase(signal.modelName(), signal.version());
    TierPolicy.DriftPolicy policy = kase.invoke(c -> c.tierPolicy(policies)).drift();
    TierPolicy.DriftLevel level = policy.level(signal.statistic(), signal.value(), signal.severity());
    if (level == TierPolicy.DriftLevel.NONE) {
      return count("ignored");
    }
    if (level == TierPolicy.DriftLevel.WARN || policy.onAct() == TierPolicy.DriftAction.ALERT) {
      log.info("Drift alert on {} version {}: {} {} = {} (signal {}); the policy only alerts",
          signal.modelName(), signal.version(), signal.feature(), signal.statistic(), signal.value(), signal.signalId());
      return count("alert");
    }
    String reason = signal.statistic() + " " + signal.value() + " on " + signal.feature() + " reached the act level of "
        + "the policy (threshold " + policy.actThreshold(signal.statistic(), signal.threshold()) + ") in the window "
        + signal.windowStart() + " to " + signal.windowEnd() + " (signal " + signal.signalId() + ")";
    boolean suspended = kase.invoke(c -> c.suspend(reason, signal.signalId(), ApprovalCase.SERVICE_ACTOR, now));
    if (rollout == null) {
      return count(suspended ? "suspended" : "ignored");
    }
    if (policy.onAct() == TierPolicy.DriftAction.ROLLBACK) {
      boolean rolledBack = false;
      for (String stage : rollout.invoke(r -> r.stagesOf(signal.version()))) {
        try {
          rollBack(rollout, signal.modelName(), stage, reason, ApprovalCase.SERVICE_ACTOR, now);
          rolledBack = true;
        } catch (RuleViolation e) {
          log.warn("Drift on {} version {} calls for a roll-back of {}, which is not possible: {}",
              signal.modelName(), signal.version(), stage, e.getMessage());
          rollout.execute(r -> r.pause(signal.version(), reason, ApprovalCase.SERVICE_ACTOR, now));
        }
      }
      if (rolledBack) {
        return count("rolled-back");
      }
    } else {
      rollout.execute(r -> r.pause(signal.version(), reason, ApprovalCase.SERVICE_ACTOR, now));
    }
    return count(suspended ? "suspended" : "ignored");
  }

  /** Withdraws the version rolling out in (or holding) the stage, returning to the latest approved earlier one. */
  private RollbackResult rollBack(Aggregate<ModelRollout> rollout, String model, String stage, String reason,
      String by, Instant now) {
    ModelRollout.RollbackOptions options = rollout.invoke(r -> r.rollbackOptions(stage));
    List<String> refused = new ArrayList<>();
    for (ModelRollout.Position target : options.targets()) {
      Aggregate<ApprovalCase> kase = loadCase(model, target.version());
      Standing standing = kase.invoke(c -> c.standing(now));
      if (standing.approved()) {
        kase.execute(c -> c.enterStage(stage, target.phase(), 100, now));
        rollout.execute(r -> r.rollBack(options, target, reason, by, now));
        return new RollbackResult(model, stage, options.from().version(), target.version());
      }
      refused.add("version " + target.version() + ": " + standing.reasons().get(0).message());
    }
    throw RolloutRefusal.noTarget(model, stage, options.from().version(), refused);
  }

  private Aggregate<ApprovalCase> loadCase(String model, int version) {
    String id = CaseIds.of(model, version);
    if (events.lastSequenceNumberFor(id).isEmpty()) {
      throw new AggregateNotFoundException(id, "There is no approval case for " + model + " version " + version + ".");
    }
    return cases.load(id);
  }

  private Aggregate<ModelRollout> loadOrCreateRollout(String model) {
    try {
      return rollouts.loadOrCreate(ModelRollout.idOf(model), ModelRollout::new);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("could not create the rollout of " + model, e);
    }
  }

  private Aggregate<ModelRollout> loadRollout(String model) {
    String id = ModelRollout.idOf(model);
    return events.lastSequenceNumberFor(id).isPresent() ? rollouts.load(id) : null;
  }

  private String count(String outcome) {
    meters.counter("gatehouse_drift_responses", "outcome", outcome).increment();
    return outcome;
  }
}
