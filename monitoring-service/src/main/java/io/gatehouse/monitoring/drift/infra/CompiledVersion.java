package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.monitoring.drift.domain.InvalidReference;
import io.gatehouse.monitoring.drift.domain.ReferenceHistogram;
import io.gatehouse.monitoring.drift.domain.ReferenceProfile;
import io.gatehouse.monitoring.drift.domain.WindowCounter;
import io.gatehouse.monitoring.drift.domain.WindowLayout;
import io.gatehouse.monitoring.drift.domain.WindowSpec;
import java.util.ArrayList;
import java.util.List;

/** A version's config made ready to count with: reference profile, layout, counter, window. */
final class CompiledVersion {

  final VersionConfig config;
  final byte[] raw;
  /** Null while the version has no (usable) reference profile. */
  final ReferenceProfile profile;
  final WindowCounter counter;
  final WindowSpec window;
  /** {@code model/version/}: the prefix of the version's window keys, and the key of its count window. */
  final String keyPrefix;
  final String openKey;
  /** The last time window's start and key (most observations fall into the same window as the one before). */
  long lastStart = Long.MIN_VALUE;
  String lastKey;
  /** Whether a count window left open under an earlier window setting was looked for (time windows). */
  boolean countWindowChecked;

  private CompiledVersion(VersionConfig config, byte[] raw, ReferenceProfile profile, WindowCounter counter,
      WindowSpec window) {
    this.config = config;
    this.raw = raw;
    this.profile = profile;
    this.counter = counter;
    this.window = window;
    this.keyPrefix = VersionConfig.key(config.modelName(), config.version()) + "/";
    this.openKey = keyPrefix + "open";
  }

  String timeKey(long start) {
    if (start != lastStart) {
      lastStart = start;
      lastKey = keyPrefix + start;
    }
    return lastKey;
  }

  static CompiledVersion compile(byte[] raw, EngineSettings settings) {
    VersionConfig config = EventJson.mapper().readValue(raw, VersionConfig.class);
    ReferenceProfile profile = null;
    if (config.profile() != null && !config.profile().isEmpty()) {
      try {
        List<ReferenceHistogram> hs = new ArrayList<>();
        for (FeatureHistogram h : config.profile()) {
          hs.add(ReferenceHistogram.of(h.feature(), h.kind(), h.binEdges(), h.categories(), h.counts()));
        }
        profile = new ReferenceProfile(hs);
      } catch (InvalidReference e) {
        profile = null; // checked when it was set; an unusable one counts as none
      }
    }
    WindowCounter counter = profile == null ? null : new WindowCounter(new WindowLayout(profile), settings.positiveLabel());
    return new CompiledVersion(config, raw, profile, counter, window(config, settings));
  }

  /** The policy's window size when it is usable (checked by approval-service), else the configured window. */
  private static WindowSpec window(VersionConfig config, EngineSettings settings) {
    try {
      return settings.windowOf(config.tier(), config.window());
    } catch (RuntimeException e) {
      return settings.windowOf(config.tier());
    }
  }

  WindowLayout layout() {
    return counter.layout();
  }
}
