package io.gatehouse.approval.admission;

import io.gatehouse.approval.approvalcase.domain.ApprovalCase;
import io.gatehouse.approval.approvalcase.domain.CaseIds;
import io.gatehouse.approval.approvalcase.domain.Standing;
import io.gatehouse.approval.rollout.domain.ModelRollout;
import io.gatehouse.approval.rollout.domain.PhaseOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Decides admission from the case's standing and the model's rollout, read from their event streams. */
@Component
public class AdmissionHandler {

  private final Repository<ApprovalCase> cases;
  private final Repository<ModelRollout> rollouts;
  private final EventStore events;
  private final MeterRegistry meters;

  public AdmissionHandler(Repository<ApprovalCase> cases, Repository<ModelRollout> rollouts, EventStore events,
      MeterRegistry meters) {
    this.cases = cases;
    this.rollouts = rollouts;
    this.events = events;
    this.meters = meters;
  }

  @CommandHandler
  public AdmissionDecision handle(DecideAdmission q, Clock clock) {
    Instant now = clock.instant();
    List<AdmissionDecision.Reason> reasons = new ArrayList<>();
    ModelRollout.Stages stages = readStages(q.modelName());
    Standing standing = null;
    String caseId = CaseIds.of(q.modelName(), q.version());
    // checked first: loading an aggregate that does not exist logs a warning with a stack trace
    if (events.lastSequenceNumberFor(caseId).isPresent()) {
      standing = cases.load(caseId).invoke(c -> c.standing(now));
    } else {
      reasons.add(new AdmissionDecision.Reason("unknown-version",
          "Gatehouse has no approval case for " + q.modelName() + " version " + q.version() + "."));
    }
    if (standing != null) {
      standing.reasons().forEach(r -> reasons.add(new AdmissionDecision.Reason(r.code(), r.message())));
      if (!standing.artifactSha256().equals(q.sha256())) {
        reasons.add(new AdmissionDecision.Reason("other-digest", "The artifact's sha256 " + q.sha256()
            + " is not the one version " + q.version() + " was submitted and reviewed with ("
            + standing.artifactSha256() + ")."));
      }
    }
    ModelRollout.Position position = null;
    if (q.stage() != null) {
      PhaseOrder.checkStage(q.stage());
      position = positionOf(stages, q.stage(), q.version());
      if (position == null) {
        ModelRollout.Position holder = stages == null ? null : stages.holders().get(q.stage());
        reasons.add(new AdmissionDecision.Reason("stage-not-granted", "Version " + q.version() + " of "
            + q.modelName() + " was not promoted to " + q.stage()
            + (holder == null ? "; no version holds it." : "; version " + holder.version() + " holds it.")));
      }
    }
    boolean allowed = reasons.isEmpty();
    meters.counter("gatehouse_admission_decisions", "allowed", Boolean.toString(allowed)).increment();
    return new AdmissionDecision(allowed, q.modelName(), q.version(), q.sha256(), q.stage(),
        standing == null ? null : standing.caseId(), standing == null ? null : standing.artifactSha256(),
        standing == null || standing.approval() == null ? null : standing.approval().validUntil(),
        standing != null && standing.approval() != null && standing.approval().breakGlass(),
        position == null ? null : position.phase(), position == null ? null : position.trafficPercent(),
        List.copyOf(reasons), now);
  }

  @CommandHandler
  public ModelRollout.Stages handle(ReadStages q) {
    ModelRollout.Stages stages = readStages(q.modelName());
    if (stages == null) {
      throw new AggregateNotFoundException(ModelRollout.idOf(q.modelName()),
          "No version of " + q.modelName() + " was ever promoted.");
    }
    return stages;
  }

  private ModelRollout.Stages readStages(String model) {
    String id = ModelRollout.idOf(model);
    return events.lastSequenceNumberFor(id).isPresent() ? rollouts.load(id).invoke(ModelRollout::stages) : null;
  }

  private static ModelRollout.Position positionOf(ModelRollout.Stages stages, String stage, int version) {
    if (stages == null) {
      return null;
    }
    ModelRollout.Position holder = stages.holders().get(stage);
    if (holder != null && holder.version() == version) {
      return holder;
    }
    ModelRollout.Position rolling = stages.rollingOut().get(stage);
    return rolling != null && rolling.version() == version ? rolling : null;
  }
}
