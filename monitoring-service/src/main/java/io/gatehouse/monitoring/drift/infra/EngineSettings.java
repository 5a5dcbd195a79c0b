package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.monitoring.drift.domain.WindowSpec;
import java.time.Duration;
import java.util.Map;

/**
 * How the engine cuts and judges windows.
 *
 * @param windowsByTier the configured window of each risk tier, used when the tier's policy sets no window
 *     size; {@code defaultWindow} for a tier not listed; the grace always comes from here
 * @param minSample fewest usable values of a feature for a statistic
 * @param positiveLabel the label (and prediction) of the positive class, as text
 * @param punctuateInterval how often due windows are looked for
 * @param idleTimeout how long without telemetry before the clock alone closes due windows
 * @param configRefresh how often a version's settings are re-read from the global store
 * @param labelHorizon how long a prediction waits for its label
 * @param predictionsOnDisk keep predictions that wait for a label in RocksDB (production) rather
 *     than in memory (tests)
 */
public record EngineSettings(Map<String, WindowSpec> windowsByTier, WindowSpec defaultWindow, long minSample,
    String positiveLabel, Duration punctuateInterval, Duration idleTimeout, Duration configRefresh,
    Duration labelHorizon, boolean predictionsOnDisk) {

  public WindowSpec windowOf(String tier) {
    WindowSpec w = tier == null ? null : windowsByTier.get(tier);
    return w == null ? defaultWindow : w;
  }

  /**
   * A version's window: the size its tier's policy sets, with the tier's configured grace; the
   * tier's configured window when the policy sets none.
   */
  public WindowSpec windowOf(String tier, VersionConfig.PolicyWindow policy) {
    WindowSpec configured = windowOf(tier);
    if (policy == null) {
      return configured;
    }
    return new WindowSpec(policy.duration() == null ? null : Duration.parse(policy.duration()), policy.observations(),
        configured.grace());
  }
}
