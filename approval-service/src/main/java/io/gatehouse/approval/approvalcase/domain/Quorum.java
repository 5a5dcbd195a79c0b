package io.gatehouse.approval.approvalcase.domain;

import io.gatehouse.contracts.approval.RequiredSignOff;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** N-of-M: a role with quorum N needs N distinct people approving in that role. */
public final class Quorum {

  private Quorum() {}

  /** Approvals still missing per role (roles that reached their quorum are left out). */
  public static Map<String, Integer> missing(List<RequiredSignOff> required, List<SignOff> signOffs) {
    Map<String, Integer> missing = new LinkedHashMap<>();
    for (RequiredSignOff r : required) {
      Set<String> approvers = new HashSet<>();
      for (SignOff s : signOffs) {
        if (s.role().equals(r.role()) && s.decision() == Decision.APPROVE) {
          approvers.add(s.signer());
        }
      }
      if (approvers.size() < r.quorum()) {
        missing.put(r.role(), r.quorum() - approvers.size());
      }
    }
    return missing;
  }

  public static boolean reached(List<RequiredSignOff> required, List<SignOff> signOffs) {
    return missing(required, signOffs).isEmpty();
  }
}
