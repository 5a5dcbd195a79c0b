package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ObservedValue;
import java.util.List;

/**
 * What the engine knows of one model version, as kept (compacted, key {@code model/version}) on
 * {@link EngineTopics#VERSIONS}: its risk tier, the window size the policy in force sets for that tier
 * (null when it sets none: the tier's configured window applies), its reference profile (empty until
 * validation or an upload gives one) and the validation figures for performance.
 */
public record VersionConfig(String modelName, int version, String tier, long revision,
    List<FeatureHistogram> profile, List<ObservedValue> baseline, PolicyWindow window) {

  /**
   * A window size from policy ({@code tiers.<TIER>.drift.window}): an ISO-8601 duration (null for
   * none) and a number of observations (0 for none); whichever comes first closes the window.
   */
  public record PolicyWindow(String duration, long observations) {}

  public static String key(String modelName, int version) {
    return modelName + "/" + version;
  }
}
