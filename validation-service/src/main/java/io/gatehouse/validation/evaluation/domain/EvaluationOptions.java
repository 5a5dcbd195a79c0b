package io.gatehouse.validation.evaluation.domain;

/**
 * Settings that change numbers in the report; all of them are written into the report, so that it
 * says how it was computed. The defaults are documented in docs/metrics.md.
 *
 * @param minGroupSize groups with fewer rows are reported but left out of fairness comparisons
 * @param maxGroupsPerAttribute an attribute with more distinct values is not compared (bounded memory)
 * @param maxCategories a feature with more distinct non-numeric values gets no categorical profile
 * @param exactAucDistinct ROC AUC is exact while a scope has at most this many distinct scores
 * @param aucBins resolution of the overall binned ROC AUC once scores exceed {@code exactAucDistinct}
 * @param groupAucBins the same for each group
 * @param eceBins equal-width bins on [0, 1] for expected calibration error
 * @param logLossEpsilon probabilities are clipped to [eps, 1 - eps] for log loss
 * @param profileBins bins of a numeric feature's reference histogram
 * @param fineGridCap distinct fine bins a numeric feature keeps before its grid is coarsened
 */
public record EvaluationOptions(
    int minGroupSize,
    int maxGroupsPerAttribute,
    int maxCategories,
    int exactAucDistinct,
    int aucBins,
    int groupAucBins,
    int eceBins,
    double logLossEpsilon,
    int profileBins,
    int fineGridCap) {

  public static final EvaluationOptions DEFAULTS =
      new EvaluationOptions(30, 100, 100, 4096, 1 << 14, 1 << 12, 10, 1e-15, 10, 1 << 11);

  public EvaluationOptions {
    if (minGroupSize < 1 || maxGroupsPerAttribute < 1 || maxCategories < 1 || exactAucDistinct < 1
        || aucBins < 2 || groupAucBins < 2 || eceBins < 1 || profileBins < 1 || fineGridCap < 16
        || !(logLossEpsilon > 0 && logLossEpsilon < 0.5)) {
      throw new IllegalArgumentException("evaluation options out of range: " + this);
    }
  }

  public EvaluationOptions withMinGroupSize(int n) {
    return new EvaluationOptions(n, maxGroupsPerAttribute, maxCategories, exactAucDistinct, aucBins, groupAucBins,
        eceBins, logLossEpsilon, profileBins, fineGridCap);
  }

  public EvaluationOptions withExactAucDistinct(int n) {
    return new EvaluationOptions(minGroupSize, maxGroupsPerAttribute, maxCategories, n, aucBins, groupAucBins,
        eceBins, logLossEpsilon, profileBins, fineGridCap);
  }
}
