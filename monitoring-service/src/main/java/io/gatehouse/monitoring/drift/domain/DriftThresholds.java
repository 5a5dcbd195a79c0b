package io.gatehouse.monitoring.drift.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The drift thresholds of one risk tier under one policy version: warn and act per statistic. A
 * statistic the policy does not name falls back to {@link #FALLBACK} (the shipped default policy's
 * values), so that every statistic Gatehouse computes is judged.
 */
public record DriftThresholds(Map<Statistic, Thresholds> byStatistic) {

  /** The shipped default policy's levels for LOW, MEDIUM and HIGH. */
  public static final DriftThresholds FALLBACK = new DriftThresholds(Map.of(
      Statistic.PSI, new Thresholds(0.10, 0.25),
      Statistic.KS, new Thresholds(0.10, 0.20),
      Statistic.JS, new Thresholds(0.10, 0.20)));

  public DriftThresholds {
    EnumMap<Statistic, Thresholds> copy = new EnumMap<>(Statistic.class);
    copy.putAll(byStatistic);
    byStatistic = java.util.Collections.unmodifiableMap(copy);
  }

  public Thresholds of(Statistic statistic) {
    Thresholds t = byStatistic.get(statistic);
    return t != null ? t : FALLBACK.byStatistic.get(statistic);
  }

  public Severity severity(Statistic statistic, double value) {
    return of(statistic).severity(value);
  }
}
