package io.gatehouse.registry.grant.domain;

import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.contracts.approval.ApprovalExpired;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.CaseReopened;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.registry.model.domain.Grant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approval standing of one version, kept from approval-service's events (and validation-service's
 * gate results, to say what a case still waits for). Fields are public for its JSON form. It mirrors
 * what approval-service decided; it decides nothing itself.
 */
public class ApprovalStanding {

  public String caseId;
  public String status;
  public String artifactSha256;
  public String approvedSha256;
  public Instant approvedUntil;
  public boolean breakGlass;
  public boolean suspended;
  public String suspensionReason;
  public Instant expiredAt;
  public String closedBy;
  public List<String> requiredGates = new ArrayList<>();
  public Map<String, Integer> requiredSignOffs = new LinkedHashMap<>();
  public Map<String, List<String>> approvals = new LinkedHashMap<>();
  public Map<String, Boolean> gates = new LinkedHashMap<>();
  public Map<String, String> stages = new LinkedHashMap<>();

  /** Applies one event about this version; answers whether it changed anything. */
  public boolean apply(GatehouseEvent event) {
    if (event instanceof CaseOpened e) {
      caseId = e.caseId();
      status = "OPEN";
      artifactSha256 = e.artifactSha256();
      requirements(e.requiredGates(), e.requiredSignOffs());
    } else if (event instanceof CaseReopened e) {
      caseId = e.caseId();
      status = "OPEN";
      requirements(e.requiredGates(), e.requiredSignOffs());
    } else if (event instanceof SignOffRecorded e) {
      if ("APPROVE".equals(e.decision())) {
        approvals.computeIfAbsent(e.role(), r -> new ArrayList<>()).add(e.signer());
      }
    } else if (event instanceof SignOffsVoided e) {
      for (Approver a : e.voided()) {
        List<String> signers = approvals.get(a.role());
        if (signers != null) {
          signers.remove(a.signer());
        }
      }
    } else if (event instanceof ModelApproved e) {
      caseId = e.caseId();
      status = "APPROVED";
      approvedSha256 = e.artifactSha256();
      approvedUntil = e.validUntil();
      breakGlass = false;
      suspended = false;
      suspensionReason = null;
      expiredAt = null;
    } else if (event instanceof BreakGlassApproved e) {
      caseId = e.caseId();
      approvedSha256 = e.artifactSha256();
      approvedUntil = e.reviewDueBy();
      breakGlass = true;
      suspended = false;
      suspensionReason = null;
    } else if (event instanceof ModelRejected e) {
      status = "REJECTED";
      closedBy = e.role() + " " + e.rejectedBy() + ": " + e.comment();
      approvedUntil = null;
    } else if (event instanceof ChangesRequested e) {
      status = "CHANGES_REQUESTED";
      closedBy = e.role() + " " + e.requestedBy() + ": " + e.comment();
      approvedUntil = null;
    } else if (event instanceof ApprovalSuspended e) {
      status = "OPEN";
      suspended = true;
      suspensionReason = e.reason();
      approvals.clear();
    } else if (event instanceof ApprovalExpired e) {
      if ("APPROVED".equals(status)) {
        status = "EXPIRED";
      }
      approvedUntil = null;
      expiredAt = e.expiredAt();
    } else if (event instanceof ModelPromoted e) {
      caseId = e.caseId();
      stages.put(e.stage(), e.rolloutPhase());
    } else if (event instanceof GatePassed e) {
      gates.put(e.gateId(), true);
    } else if (event instanceof GateFailed e) {
      gates.put(e.gateId(), false);
    } else {
      return false;
    }
    return true;
  }

  /** This version enters {@code stage} (a roll-back returned to it). */
  public void enter(String stage, String phase) {
    stages.put(stage, phase);
  }

  /** This version no longer holds {@code stage} (demoted by another, or rolled back). */
  public void leave(String stage) {
    stages.remove(stage);
  }

  private void requirements(List<String> requiredGatesGiven, List<RequiredSignOff> signOffs) {
    requiredGates = new ArrayList<>(requiredGatesGiven);
    requiredSignOffs = new LinkedHashMap<>();
    signOffs.forEach(s -> requiredSignOffs.put(s.role(), s.quorum()));
    approvals.clear();
  }

  /** The standing as a grant at {@code now}; null while no case is known. */
  public Grant grant(Instant now) {
    if (caseId == null) {
      return null;
    }
    boolean stands = approvedUntil != null && approvedUntil.isAfter(now) && !suspended;
    String problem = null;
    if (!stands) {
      if (suspended) {
        problem = "has its approval suspended (" + suspensionReason + ") and is open for sign-off again";
      } else if ("REJECTED".equals(status) || "CHANGES_REQUESTED".equals(status)) {
        problem = "was closed " + status + " (" + closedBy + ")";
      } else if (expiredAt != null || "EXPIRED".equals(status)) {
        problem = "has an expired approval and needs recertification";
      } else if (approvedUntil != null) {
        problem = "has an approval that lapsed at " + approvedUntil;
      } else {
        problem = "is " + status;
      }
    }
    return new Grant(caseId, status, approvedSha256, stands, problem, List.copyOf(stages.keySet()), waitingFor());
  }

  /** What the case still waits for: gates not passed, sign-offs short of their quorum. */
  public String waitingFor() {
    if (!"OPEN".equals(status)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String gate : requiredGates) {
      if (!Boolean.TRUE.equals(gates.get(gate))) {
        parts.add("gate " + gate);
      }
    }
    requiredSignOffs.forEach((role, quorum) -> {
      int missing = quorum - approvals.getOrDefault(role, List.of()).size();
      if (missing > 0) {
        parts.add(missing + " " + role + " sign-off" + (missing > 1 ? "s" : ""));
      }
    });
    return String.join(", ", parts);
  }
}
