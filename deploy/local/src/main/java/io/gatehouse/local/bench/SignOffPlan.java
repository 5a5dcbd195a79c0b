package io.gatehouse.local.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sign-off goes where. A HIGH tier case takes exactly six approvals, one from each demo
 * signer below (MODEL_RISK has a quorum of two: risk1 and risk2). The plan goes round by round:
 * every case gets its first signer's sign-off before any case gets its second, so consecutive
 * requests hit different cases (no two in flight on one aggregate) and nobody signs a case twice.
 */
public final class SignOffPlan {

  /** A demo user of the development identity provider and the role they sign in. */
  public record Signer(String user, String role) {}

  /** One request: {@code signer} signs off case {@code caseId}. */
  public record Task(String caseId, Signer signer) {}

  /** The demo users that may sign a case alice submitted and authored (identity-provider/README.md). */
  public static final List<Signer> HIGH_TIER_SIGNERS = List.of(
      new Signer("eng", "ENGINEERING"),
      new Signer("product", "PRODUCT"),
      new Signer("legal", "LEGAL"),
      new Signer("ethics", "ETHICS"),
      new Signer("risk1", "MODEL_RISK"),
      new Signer("risk2", "MODEL_RISK"));

  private SignOffPlan() {}

  /** Every signer on every case, round by round: {@code cases.size() * signers.size()} tasks. */
  public static List<Task> roundByRound(List<String> cases, List<Signer> signers) {
    List<Task> tasks = new ArrayList<>(cases.size() * signers.size());
    for (Signer signer : signers) {
      for (String caseId : cases) {
        tasks.add(new Task(caseId, signer));
      }
    }
    return tasks;
  }

  /**
   * How many sign-offs the first {@code sent} tasks of {@link #roundByRound} give the case at
   * {@code index} of {@code caseCount}: one per round that reached it.
   */
  public static int signOffsOf(int index, int caseCount, int rounds, long sent) {
    int n = 0;
    for (int r = 0; r < rounds; r++) {
      if ((long) r * caseCount + index < sent) {
        n++;
      }
    }
    return n;
  }

  /** Cases needed for {@code signOffs} sign-offs with {@code perCase} signers each. */
  public static int casesFor(long signOffs, int perCase) {
    return (int) ((signOffs + perCase - 1) / perCase);
  }
}
