package io.gatehouse.approval.caseview;

import io.gatehouse.contracts.approval.RequiredSignOff;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a reviewer or a pipeline reads about a case. */
public record CaseView(
    String caseId,
    String modelName,
    int version,
    String artifactSha256,
    String riskTier,
    String policyName,
    int policyVersion,
    String status,
    List<String> requiredGates,
    List<RequiredSignOff> requiredSignOffs,
    Map<String, Gate> gates,
    List<SignOffView> signOffs,
    Map<String, Integer> awaiting,
    List<String> gatesNotPassed,
    String submittedBy,
    List<String> authors,
    Instant openedAt,
    Instant approvedAt,
    Instant validUntil,
    Instant updatedAt) {

  /** A gate's latest result on the case. */
  public record Gate(boolean passed, String dataSha256, String reason) {}

  /** A sign-off as recorded. */
  public record SignOffView(String role, String signer, String signerName, String decision, String comment,
      Instant at) {}
}
