package io.gatehouse.monitoring.drift.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference histograms of one model version, one per feature. A histogram named
 * {@value #SCORE} describes the model's score: it is compared with the {@code score} of each
 * observation.
 */
public final class ReferenceProfile {

  /** The reserved feature name of the score's reference histogram. */
  public static final String SCORE = "score";
  /** Most features a profile may have. */
  public static final int MAX_FEATURES = 500;

  private final List<ReferenceHistogram> histograms;
  private final Map<String, ReferenceHistogram> byFeature = new LinkedHashMap<>();

  public ReferenceProfile(List<ReferenceHistogram> histograms) {
    if (histograms == null || histograms.isEmpty()) {
      throw new InvalidReference("a reference profile needs at least one feature histogram");
    }
    if (histograms.size() > MAX_FEATURES) {
      throw new InvalidReference("a reference profile may have at most " + MAX_FEATURES + " features, had "
          + histograms.size());
    }
    for (ReferenceHistogram h : histograms) {
      if (byFeature.put(h.feature(), h) != null) {
        throw new InvalidReference("feature " + h.feature() + " appears twice in the reference profile");
      }
    }
    this.histograms = List.copyOf(histograms);
  }

  public List<ReferenceHistogram> histograms() {
    return histograms;
  }

  public Optional<ReferenceHistogram> feature(String name) {
    return Optional.ofNullable(byFeature.get(name));
  }

  public int size() {
    return histograms.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferenceProfile p && histograms.equals(p.histograms);
  }

  @Override
  public int hashCode() {
    return histograms.hashCode();
  }
}
