package io.gatehouse.validation.run.api;

import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ObservedValue;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a run's outcome: every gate's result, then the report by URI and digest and the reference
 * profile. {@code dataSha256} is the digest of the bytes evaluated.
 */
public record CompleteValidation(
    @TargetAggregateIdentifier String runId,
    List<GateOutcome> gates,
    String reportUri,
    String reportSha256,
    List<FeatureHistogram> referenceProfile,
    String dataSha256,
    long rowCount) {

  /** One gate's result; {@code reason} is null when it passed. */
  public record GateOutcome(String gateId, String expression, boolean passed, List<ObservedValue> observed,
      String reason) {}
}
