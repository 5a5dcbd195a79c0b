package io.gatehouse.monitoring.monitoredversion.api;

import io.gatehouse.contracts.validation.ObservedValue;
import java.util.List;

/** Internal: metric values of validation, by metric name without the {@code metrics.} prefix. */
public record ValidationFiguresNoted(String id, String modelName, int version, List<ObservedValue> figures,
    String source) {}
