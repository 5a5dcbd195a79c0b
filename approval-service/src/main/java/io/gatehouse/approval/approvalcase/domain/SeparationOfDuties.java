package io.gatehouse.approval.approvalcase.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may sign off a case, checked before anything is recorded:
 * <ul>
 *   <li>only a holder of the role signs for it ({@code role-not-held}, 403);</li>
 *   <li>nobody signs off a version they submitted ({@code signer-submitted-version}, 403) or authored
 *       ({@code signer-authored-version}, 403);</li>
 *   <li>one person, one role per case, for the life of the case: a reopened round of sign-off does not
 *       let anyone change role ({@code one-role-per-person}, 403);</li>
 *   <li>nobody signs twice in the same role ({@code already-signed}, 409).</li>
 * </ul>
 */
public final class SeparationOfDuties {

  private SeparationOfDuties() {}

  public static void check(String submittedBy, Collection<String> authors, List<SignOff> signOffs,
      Map<String, String> roleTaken, String signer, Set<String> signerRoles, String role) {
    if (!signerRoles.contains(role)) {
      throw CaseRuleViolation.forbidden("role-not-held",
          signer + " does not hold the role " + role + " and cannot sign off for it.");
    }
    if (signer.equals(submittedBy)) {
      throw CaseRuleViolation.forbidden("signer-submitted-version",
          signer + " submitted this version and cannot sign it off (separation of duties).");
    }
    if (authors.contains(signer)) {
      throw CaseRuleViolation.forbidden("signer-authored-version",
          signer + " is an author of this version and cannot sign it off (separation of duties).");
    }
    String taken = roleTaken.get(signer);
    if (taken != null && !taken.equals(role)) {
      throw CaseRuleViolation.forbidden("one-role-per-person",
          signer + " has already signed off this case as " + taken + "; one person signs in one role.");
    }
    for (SignOff s : signOffs) {
      if (s.signer().equals(signer) && s.role().equals(role)) {
        throw CaseRuleViolation.conflict("already-signed",
            signer + " has already signed off this case as " + role + ".");
      }
      if (s.signer().equals(signer)) {
        throw CaseRuleViolation.forbidden("one-role-per-person",
            signer + " has already signed off this case as " + s.role() + "; one person signs in one role.");
      }
    }
  }
}
