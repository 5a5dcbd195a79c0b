package io.gatehouse.registry.model.domain;

import java.util.List;
import java.util.Locale;

/**
 * MLflow's stages, named as MLflow names them. Staging and Production are where a version serves: a
 * move there is a promotion, which approval-service must have granted. None and Archived are not.
 */
public final class Stages {

  public static final String NONE = "None";
  public static final String STAGING = "Staging";
  public static final String PRODUCTION = "Production";
  public static final String ARCHIVED = "Archived";
  public static final List<String> ALL = List.of(NONE, STAGING, PRODUCTION, ARCHIVED);

  private Stages() {}

  /** The canonical name of a stage given in any case; refuses an unknown one. */
  public static String canonical(String stage) {
    if (stage != null) {
      for (String s : ALL) {
        if (s.equalsIgnoreCase(stage.trim())) {
          return s;
        }
      }
    }
    throw RegistryRuleViolation.invalid("stage-invalid", "Invalid Model Version stage: " + stage
        + ". Value must be one of None, Staging, Production, Archived.");
  }

  /** Staging and Production: a move there is a promotion. */
  public static boolean isPromotion(String canonicalStage) {
    return STAGING.equals(canonicalStage) || PRODUCTION.equals(canonicalStage);
  }

  /** approval-service's name of the stage ({@code staging}, {@code production}). */
  public static String approvalStage(String canonicalStage) {
    return canonicalStage.toLowerCase(Locale.ROOT);
  }

  /** The MLflow stage of approval-service's stage name, or null for one MLflow does not have. */
  public static String fromApproval(String approvalStage) {
    for (String s : List.of(STAGING, PRODUCTION)) {
      if (s.equalsIgnoreCase(approvalStage)) {
        return s;
      }
    }
    return null;
  }
}
