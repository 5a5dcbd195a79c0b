package io.gatehouse.validation.evaluation.domain;

/**
 * Neumaier's compensated summation: the sum of millions of small terms (log loss, Brier) keeps
 * about full double precision instead of losing digits to rounding. Terms are added in file order,
 * so the result is the same on every run.
 */
final class CompensatedSum {

  private double sum;
  private double compensation;

  void add(double x) {
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      compensation += (sum - t) + x;
    } else {
      compensation += (x - t) + sum;
    }
    sum = t;
  }

  double value() {
    return sum + compensation;
  }
}
