package io.gatehouse.registry.model.domain;

/**
 * A move to Staging or Production, or the setting of a protected alias, is a promotion: it goes through
 * only when approval-service promoted this version to that stage and its approval still stands, for
 * this very artifact. The refusal names the case and what it waits for.
 */
public final class Promotions {

  public static final String CODE = "promotion-not-granted";

  private Promotions() {}

  /**
   * Checks that {@code version} may be in {@code stage} (MLflow's name, Staging or Production); answers
   * the id of the case that granted it.
   */
  public static String require(VersionFacts facts, String stage, Grant grant) {
    String what = "Version " + facts.version() + " of " + facts.modelName() + " may not move to " + stage;
    return check(facts, stage, grant, what);
  }

  /** As {@link #require}, for an alias that stands for {@code stage}. */
  public static String requireForAlias(VersionFacts facts, String alias, String stage, Grant grant) {
    String what = "Alias '" + alias + "' is protected: it may point only at a version approval-service promoted to "
        + stage + ", and version " + facts.version() + " of " + facts.modelName() + " is not one";
    return check(facts, stage, grant, what);
  }

  private static String check(VersionFacts facts, String stage, Grant grant, String what) {
    String approvalStage = Stages.approvalStage(stage);
    if (facts.retired()) {
      throw refused(what + ": it is retired and can no longer be promoted.");
    }
    if (!facts.submitted()) {
      throw refused(what + ": it has no artifact digest yet, so it has not been submitted for approval. Set tag "
          + GatehouseTags.ARTIFACT_SHA256 + " (64 lowercase hex digits) on the version, or complete its submission "
          + "with PUT /api/v1/models/" + facts.modelName() + "/versions/" + facts.version() + "/submission.");
    }
    if (grant == null) {
      throw refused(what + ": approval-service has not opened its approval case yet (the version was submitted; "
          + "try again shortly).");
    }
    String onCase = "; case " + grant.caseId();
    if (grant.approvedSha256() != null && !grant.approvedSha256().equals(facts.sha256())) {
      throw refused(what + onCase + " approved other bytes (sha256 " + grant.approvedSha256()
          + "), not this version's artifact (sha256 " + facts.sha256() + ").");
    }
    if (!grant.approvalStands()) {
      String why = grant.standingProblem() != null ? grant.standingProblem() : "is " + grant.caseStatus();
      String waiting = grant.waitingFor() == null || grant.waitingFor().isBlank() ? ""
          : "; it waits for " + grant.waitingFor();
      throw refused(what + onCase + " " + why + waiting + ".");
    }
    if (!grant.holds(approvalStage)) {
      throw refused(what + onCase + " is approved, but approval-service has not promoted it to " + approvalStage
          + ": a PLATFORM caller promotes it with POST /api/v1/models/" + facts.modelName() + "/versions/"
          + facts.version() + "/promotions {\"stage\":\"" + approvalStage + "\"} on approval-service.");
    }
    return grant.caseId();
  }

  private static RegistryRuleViolation refused(String message) {
    return RegistryRuleViolation.forbidden(CODE, message);
  }
}
