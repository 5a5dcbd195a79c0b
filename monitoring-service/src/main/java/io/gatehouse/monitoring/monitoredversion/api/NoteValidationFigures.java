package io.gatehouse.monitoring.monitoredversion.api;

import io.gatehouse.contracts.validation.ObservedValue;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Note metric values validation computed for a version (from gate results): the performance baseline. */
public record NoteValidationFigures(@TargetAggregateIdentifier String id, String modelName, int version,
    List<ObservedValue> figures, String source) {}
