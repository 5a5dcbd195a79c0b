package io.gatehouse.monitoring.alertmanager.domain;

import io.gatehouse.monitoring.telemetry.domain.DriftSignal;

/** What one alert is, once read: a drift signal, a performance signal, not ours, or unusable. */
public sealed interface AlertSignal {

  /** The alert's position in the notification and its fingerprint, for the caller's answer. */
  int index();

  String fingerprint();

  /** A drift signal about a model version. */
  record Drift(int index, String fingerprint, DriftSignal signal) implements AlertSignal {}

  /** A performance signal about a model version. */
  record Performance(int index, String fingerprint, String modelName, int version, String signalId, boolean firing,
      String metric, double observed, double expected, double tolerance, java.time.Instant windowStart,
      java.time.Instant windowEnd, long sampleSize) implements AlertSignal {}

  /** An alert without model and version labels: not about a model version; ignored. */
  record NotOurs(int index, String fingerprint) implements AlertSignal {}

  /** An alert about a model version that cannot be used; it goes to the dead-letter topic. */
  record Unusable(int index, String fingerprint, String modelName, String reason, String message) implements AlertSignal {}
}
