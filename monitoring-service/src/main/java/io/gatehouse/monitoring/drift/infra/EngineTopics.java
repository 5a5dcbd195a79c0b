package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.contracts.telemetry.InputType;

/** The topics of the engine: the inputs, their dead-letter topics, and monitoring's own internal ones. */
public final class EngineTopics {
  public static final String TELEMETRY = InputType.Topics.TELEMETRY;
  public static final String DRIFT_SIGNALS = InputType.Topics.DRIFT_SIGNALS;
  public static final String TELEMETRY_DLQ = TELEMETRY + ".dlq";
  public static final String DRIFT_SIGNALS_DLQ = DRIFT_SIGNALS + ".dlq";
  /** Telemetry whose record key was not its model name, re-keyed so a model's windows live in one task. */
  public static final String TELEMETRY_BY_MODEL = "gatehouse.monitoring.internal.telemetry-by-model";
  /** Closed windows and external signals, for the service to assess (exactly-once, read committed). */
  public static final String RESULTS = "gatehouse.monitoring.internal.window-results";
  /** Compacted: what the engine knows of each model version (tier, reference profile, baseline). */
  public static final String VERSIONS = "gatehouse.monitoring.internal.versions";

  private EngineTopics() {}
}
