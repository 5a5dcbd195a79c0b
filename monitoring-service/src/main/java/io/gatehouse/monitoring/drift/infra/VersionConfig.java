package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ObservedValue;
import java.util.List;

/**
 * What the engine knows of one model version, as kept (compacted, key {@code model/version}) on
 * {@link EngineTopics#VERSIONS}: its risk tier (which picks the window), its reference profile
 * (empty until validation or an upload gives one) and the validation figures for performance.
 */
public record VersionConfig(String modelName, int version, String tier, long revision,
    List<FeatureHistogram> profile, List<ObservedValue> baseline) {

  public static String key(String modelName, int version) {
    return modelName + "/" + version;
  }
}
