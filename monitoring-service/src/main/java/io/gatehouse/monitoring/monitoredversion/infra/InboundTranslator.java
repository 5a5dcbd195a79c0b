package io.gatehouse.monitoring.monitoredversion.infra;

import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.monitoring.monitoredversion.api.NoteValidationFigures;
import io.gatehouse.monitoring.monitoredversion.api.NotePolicyDocument;
import io.gatehouse.monitoring.monitoredversion.api.NoteVersion;
import io.gatehouse.monitoring.monitoredversion.api.SetReferenceProfile;
import io.gatehouse.monitoring.monitoredversion.domain.MonitoredVersionIds;
import io.gatehouse.monitoring.policy.infra.DriftLevels;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * What monitoring takes from the other services, each event once (in the consumer's transaction):
 * a submitted version and its tier (registry), the case's tier and policy version (approval), the
 * published policy documents (approval; the versions it may be in force for re-read their window
 * size), the reference profile and the metric values (validation).
 * A tier overridden later ({@code RiskTierAssigned}) does not change a version already submitted:
 * its case keeps the tier it opened with, and so does monitoring.
 */
@Component
public class InboundTranslator implements EventConsumer {

  private static final Set<String> ACCEPTED =
      EventCatalog.typesOf(ModelVersionSubmitted.class, CaseOpened.class, PolicyPublished.class,
          ValidationCompleted.class, GatePassed.class, GateFailed.class);

  private final CommandGateway commands;
  private final DriftLevels levels;
  private final MonitoredVersions versions;

  public InboundTranslator(CommandGateway commands, DriftLevels levels, MonitoredVersions versions) {
    this.commands = commands;
    this.levels = levels;
    this.versions = versions;
  }

  @Override
  public boolean accepts(String type) {
    return ACCEPTED.contains(type);
  }

  @Override
  public void consume(ConsumedEvent event) {
    Object payload = event.payload();
    if (payload instanceof ModelVersionSubmitted s) {
      commands.sendAndWait(new NoteVersion(MonitoredVersionIds.of(s.modelName(), s.version()), s.modelName(),
          s.version(), s.riskTier(), null, null));
    } else if (payload instanceof CaseOpened c) {
      commands.sendAndWait(new NoteVersion(MonitoredVersionIds.of(c.modelName(), c.version()), c.modelName(),
          c.version(), c.riskTier(), c.policyName(), c.policyVersion()));
    } else if (payload instanceof PolicyPublished p) {
      levels.store(p.policyName(), p.policyVersion(), p.document());
      // the window size the engine holds comes from the policy in force: have it re-read
      for (String id : versions.idsUnder(p.policyName(), p.policyVersion(), DriftLevels.DEFAULT_POLICY)) {
        commands.sendAndWait(new NotePolicyDocument(id, p.policyName(), p.policyVersion()));
      }
    } else if (payload instanceof ValidationCompleted v && !v.referenceProfile().isEmpty()) {
      commands.sendAndWait(new SetReferenceProfile(MonitoredVersionIds.of(v.modelName(), v.version()), v.modelName(),
          v.version(), v.referenceProfile(), "validation:" + v.runId(),
          event.actor() == null ? "service:validation-service" : event.actor(), v.completedAt()));
    } else if (payload instanceof GatePassed g) {
      commands.sendAndWait(new NoteValidationFigures(MonitoredVersionIds.of(g.modelName(), g.version()), g.modelName(),
          g.version(), g.observed(), "validation:" + g.runId()));
    } else if (payload instanceof GateFailed g) {
      commands.sendAndWait(new NoteValidationFigures(MonitoredVersionIds.of(g.modelName(), g.version()), g.modelName(),
          g.version(), g.observed(), "validation:" + g.runId()));
    }
  }
}
