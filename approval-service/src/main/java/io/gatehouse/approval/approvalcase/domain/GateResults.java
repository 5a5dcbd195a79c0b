package io.gatehouse.approval.approvalcase.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest result of each gate on a case, with the evidence it was computed from. */
public final class GateResults {

  /** One gate's latest result; {@code evidence} identifies the data and observed values. */
  public record Result(boolean passed, String dataSha256, String evidence, String reason) {}

  private final Map<String, Result> results = new LinkedHashMap<>();

  public Result get(String gateId) {
    return results.get(gateId);
  }

  public void put(String gateId, Result result) {
    results.put(gateId, result);
  }

  /** Whether a new result replaces evidence that sign-offs may have relied on. */
  public boolean replacesEvidence(String gateId, String evidence) {
    Result previous = results.get(gateId);
    return previous != null && !previous.evidence().equals(evidence);
  }

  /** Required gates that have not passed (no result yet, or failed). */
  public List<String> notPassed(List<String> required) {
    List<String> open = new ArrayList<>();
    for (String gate : required) {
      Result r = results.get(gate);
      if (r == null || !r.passed()) {
        open.add(gate);
      }
    }
    return open;
  }
}
