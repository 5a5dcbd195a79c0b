package io.gatehouse.validation.evaluation.domain;

import java.util.List;
import java.util.Map;

/**
 * What an evaluation found.
 *
 * @param records data records read (header excluded), malformed ones included
 * @param labelled records with a valid label: the rows every metric is computed over
 * @param malformed records that could not be split into the header's fields (not evaluated)
 * @param overall metrics over every labelled row
 * @param groups per group attribute: each group's metrics and the attribute's fairness
 * @param profile the reference histogram of each feature that has one
 * @param warnings what the report reader should know (features without histogram, no labels, ...)
 */
public record Evaluation(
    long records,
    long labelled,
    long malformed,
    List<String> malformedExamples,
    List<ColumnReport> columns,
    MetricSet overall,
    Map<String, AttributeResult> groups,
    List<Histogram> profile,
    List<String> warnings) {

  /** Missing and invalid values of one mapped column; {@code invalidExamples} are record numbers. */
  public record ColumnReport(String column, long missing, long invalid, List<Long> invalidExamples) {}

  /**
   * One group attribute.
   *
   * @param groups each group's metrics, by group name (sorted)
   * @param fairness the attribute's fairness metrics
   * @param privileged the privileged group of disparate impact, or null if none could be chosen
   * @param privilegedChosenBy {@code configured} or {@code highest-selection-rate}
   * @param compared the groups compared (at least {@code minGroupSize} rows)
   * @param excluded the groups left out of the comparison, with the reason
   * @param missing rows without a value for this attribute
   */
  public record AttributeResult(
      Map<String, MetricSet> groups,
      MetricSet fairness,
      String privileged,
      String privilegedChosenBy,
      List<String> compared,
      Map<String, String> excluded,
      long missing) {}
}
