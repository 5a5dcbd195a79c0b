package io.gatehouse.approval.policy.domain;

import io.gatehouse.platform.rules.RuleViolation;
import java.util.List;
import java.util.stream.Collectors;

/** A policy document that cannot be accepted; {@link #problems()} says where and why. */
public class InvalidPolicy extends RuleViolation {

  /** One thing wrong with the document, at a line (1-based; 0 when the document as a whole). */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return line > 0 ? "line " + line + ": " + message : message;
    }
  }

  private final List<Problem> problems;

  public InvalidPolicy(List<Problem> problems) {
    super("policy-invalid", Kind.INVALID,
        "The policy document was refused: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
