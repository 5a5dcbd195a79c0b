package io.gatehouse.monitoring.monitoredversion.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.contracts.monitoring.DriftResolved;
import io.gatehouse.contracts.monitoring.PerformanceDegraded;
import io.gatehouse.contracts.monitoring.PerformanceRecovered;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.monitoring.monitoredversion.api.AssessWindow;
import io.gatehouse.monitoring.monitoredversion.api.NoteValidationFigures;
import io.gatehouse.monitoring.monitoredversion.api.NotePolicyDocument;
import io.gatehouse.monitoring.monitoredversion.api.NoteVersion;
import io.gatehouse.monitoring.monitoredversion.api.PolicyDocumentNoted;
import io.gatehouse.monitoring.monitoredversion.api.RecordDriftSignal;
import io.gatehouse.monitoring.monitoredversion.api.RecordPerformanceSignal;
import io.gatehouse.monitoring.monitoredversion.api.ReferenceProfileSet;
import io.gatehouse.monitoring.monitoredversion.api.SetReferenceProfile;
import io.gatehouse.monitoring.monitoredversion.api.ValidationFiguresNoted;
import io.gatehouse.monitoring.monitoredversion.api.VersionNoted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One model version as monitoring sees it. Facts from other services (tier, policy, reference
 * profile, validation figures) may arrive in any order, so any of them creates it; the signals are
 * decided by {@link SignalBook}.
 */
@Aggregate
public class MonitoredVersion {

  @AggregateIdentifier
  private String id;
  private String modelName;
  private int version;
  private String riskTier;
  private String policyName;
  private Integer policyVersion;
  private List<FeatureHistogram> profile = List.of();
  private final Map<String, Double> baseline = new LinkedHashMap<>();
  private final SignalBook signals = new SignalBook();

  protected MonitoredVersion() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(NoteVersion cmd) {
    boolean known = id != null;
    String tier = cmd.riskTier() != null ? cmd.riskTier() : riskTier;
    String pName = cmd.policyName() != null ? cmd.policyName() : policyName;
    Integer pVersion = cmd.policyName() != null ? cmd.policyVersion() : policyVersion;
    if (!known || !Objects.equals(tier, riskTier) || !Objects.equals(pName, policyName)
        || !Objects.equals(pVersion, policyVersion)) {
      apply(new VersionNoted(cmd.id(), cmd.modelName(), cmd.version(), tier, pName, pVersion));
    }
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(SetReferenceProfile cmd) {
    noteIfNew(cmd.id(), cmd.modelName(), cmd.version());
    if (!cmd.profile().equals(profile)) {
      apply(new ReferenceProfileSet(cmd.id(), cmd.modelName(), cmd.version(), List.copyOf(cmd.profile()), cmd.source(),
          cmd.setBy(), cmd.at()));
    }
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(NoteValidationFigures cmd) {
    noteIfNew(cmd.id(), cmd.modelName(), cmd.version());
    List<ObservedValue> changed = new ArrayList<>();
    for (ObservedValue v : cmd.figures()) {
      String name = v.name().startsWith("metrics.") ? v.name().substring("metrics.".length()) : v.name();
      if (name.contains(".") || !Double.isFinite(v.value())) {
        continue; // fairness and per-group figures are not production performance metrics
      }
      if (!Objects.equals(baseline.get(name), v.value())) {
        changed.add(new ObservedValue(name, v.value()));
      }
    }
    if (!changed.isEmpty()) {
      apply(new ValidationFiguresNoted(cmd.id(), cmd.modelName(), cmd.version(), changed, cmd.source()));
    }
  }

  @CommandHandler
  void handle(NotePolicyDocument cmd) {
    apply(new PolicyDocumentNoted(id, modelName, version, cmd.policyName(), cmd.policyVersion()));
  }

  @CommandHandler
  void handle(AssessWindow cmd) {
    List<SignalBook.Measured> measured = cmd.statistics().stream()
        .map(s -> new SignalBook.Measured(s.feature(), s.statistic(), s.value())).toList();
    signals.assessWindow(modelName, version, cmd.resultId(), cmd.windowStart(), cmd.windowEnd(), cmd.sampleSize(),
        measured, cmd.thresholds(), cmd.at()).forEach(e -> apply(e));
    Map<String, Double> metrics = new LinkedHashMap<>();
    cmd.metrics().forEach(m -> metrics.put(m.name(), m.value()));
    signals.assessPerformance(modelName, version, cmd.resultId(), cmd.windowStart(), cmd.windowEnd(), cmd.labelled(),
        metrics, baseline, cmd.tolerance(), cmd.minLabelled(), cmd.at()).forEach(e -> apply(e));
  }

  @CommandHandler
  void handle(RecordDriftSignal cmd) {
    signals.recordSignal(cmd.signal(), cmd.at()).forEach(e -> apply(e));
  }

  @CommandHandler
  void handle(RecordPerformanceSignal cmd) {
    signals.recordPerformanceSignal(modelName, version, cmd.signalId(), cmd.firing(), cmd.metric(), cmd.observed(),
        cmd.expected(), cmd.tolerance(), cmd.windowStart(), cmd.windowEnd(), cmd.sampleSize(), cmd.at())
        .forEach(e -> apply(e));
  }

  private void noteIfNew(String newId, String model, int v) {
    if (id == null) {
      apply(new VersionNoted(newId, model, v, null, null, null));
    }
  }

  @EventSourcingHandler
  void on(VersionNoted e) {
    id = e.id();
    modelName = e.modelName();
    version = e.version();
    riskTier = e.riskTier();
    policyName = e.policyName();
    policyVersion = e.policyVersion();
  }

  @EventSourcingHandler
  void on(ReferenceProfileSet e) {
    profile = e.profile();
  }

  @EventSourcingHandler
  void on(ValidationFiguresNoted e) {
    e.figures().forEach(v -> baseline.put(v.name(), v.value()));
  }

  @EventSourcingHandler
  void on(DriftDetected e) {
    signals.on(e);
  }

  @EventSourcingHandler
  void on(DriftResolved e) {
    signals.on(e);
  }

  @EventSourcingHandler
  void on(PerformanceDegraded e) {
    signals.on(e);
  }

  @EventSourcingHandler
  void on(PerformanceRecovered e) {
    signals.on(e);
  }

  /** Stored by earlier versions of this service (before the published event existed). */
  @EventSourcingHandler
  void on(io.gatehouse.monitoring.monitoredversion.api.PerformanceRecovered e) {
    signals.on(e);
  }
}
