package io.gatehouse.validation.evaluation.domain;

/**
 * The data could not be evaluated at all (as opposed to a metric being undefined): a malformed
 * file, a mapped column missing from it, a digest mismatch. {@link #code()} is stable.
 */
public class EvaluationFailure extends RuntimeException {

  private final String code;

  public EvaluationFailure(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
