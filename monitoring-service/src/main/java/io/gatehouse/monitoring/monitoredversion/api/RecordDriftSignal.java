package io.gatehouse.monitoring.monitoredversion.api;

import io.gatehouse.monitoring.telemetry.domain.DriftSignal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a drift signal from outside (an external detector or an Alertmanager alert), firing or resolved. */
public record RecordDriftSignal(@TargetAggregateIdentifier String id, DriftSignal signal, Instant at) {}
