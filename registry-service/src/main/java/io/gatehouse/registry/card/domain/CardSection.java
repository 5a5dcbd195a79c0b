package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.ModelCard;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sections of a model card, in the order they are shown and exported. The wire name is the
 * {@link ModelCard} component and the value {@code ModelCardUpdated.missingSections} uses; the title
 * is the Markdown heading Gatehouse writes (and reads back).
 */
public enum CardSection {
  INTENDED_USE("intendedUse", "Intended Use"),
  OUT_OF_SCOPE_USE("outOfScopeUse", "Out-of-Scope Use"),
  USERS_AFFECTED("usersAffected", "Users Affected"),
  TRAINING_DATA("trainingData", "Training Data"),
  EVALUATION_DATA("evaluationData", "Evaluation Data"),
  /** Filled by the metrics text or by at least one declared metric. */
  METRICS("metrics", "Metrics"),
  FAIRNESS_CONSIDERATIONS("fairnessConsiderations", "Fairness Considerations"),
  LIMITATIONS("limitations", "Limitations and Caveats"),
  ETHICAL_CONSIDERATIONS("ethicalConsiderations", "Ethical Considerations"),
  /** The people accountable; contacts alone do not fill it. */
  OWNERS("owners", "Owners");

  private final String wireName;
  private final String title;

  CardSection(String wireName, String title) {
    this.wireName = wireName;
    this.title = title;
  }

  public String wireName() {
    return wireName;
  }

  public String title() {
    return title;
  }

  public static Optional<CardSection> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
  }

  /** The text sections: every section but {@link #OWNERS}. */
  public static List<CardSection> textSections() {
    return Arrays.stream(values()).filter(s -> s != OWNERS).toList();
  }

  /** The text of a text section; null for {@link #OWNERS} or a missing section. */
  public String text(ModelCard card) {
    return switch (this) {
      case INTENDED_USE -> card.intendedUse();
      case OUT_OF_SCOPE_USE -> card.outOfScopeUse();
      case USERS_AFFECTED -> card.usersAffected();
      case TRAINING_DATA -> card.trainingData();
      case EVALUATION_DATA -> card.evaluationData();
      case METRICS -> card.metrics();
      case FAIRNESS_CONSIDERATIONS -> card.fairnessConsiderations();
      case LIMITATIONS -> card.limitations();
      case ETHICAL_CONSIDERATIONS -> card.ethicalConsiderations();
      case OWNERS -> null;
    };
  }
}
