package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.registry.ColumnMapping;
import io.gatehouse.contracts.registry.DatasetRef;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import java.util.List;
import java.util.Set;

/**
 * Lineage and evaluation data are evidence: every dataset and the predictions file are pinned by
 * sha256, as the published schema requires.
 */
public final class LineageRules {

  private static final Set<String> ROLES = Set.of("train", "validation", "test");
  private static final Set<String> FORMATS = Set.of("csv", "jsonl");
  public static final int MAX_DATASETS = 100;

  private LineageRules() {}

  public static void check(Lineage lineage) {
    List<DatasetRef> datasets = lineage.datasets() == null ? List.of() : lineage.datasets();
    if (datasets.size() > MAX_DATASETS) {
      throw RegistryRuleViolation.invalid("lineage-invalid", "At most " + MAX_DATASETS + " datasets are listed.");
    }
    for (DatasetRef d : datasets) {
      if (d == null || d.uri() == null || d.uri().isBlank()) {
        throw RegistryRuleViolation.invalid("lineage-invalid", "Every lineage dataset needs its URI.");
      }
      if (!ArtifactRules.validSha256(d.sha256())) {
        throw RegistryRuleViolation.invalid("dataset-sha256-malformed",
            "Dataset " + d.uri() + ": its sha256 must be 64 lowercase hexadecimal digits.");
      }
      if (!ROLES.contains(d.role())) {
        throw RegistryRuleViolation.invalid("dataset-role-invalid",
            "Dataset " + d.uri() + ": its role is train, validation or test; got '" + d.role() + "'.");
      }
    }
    if (lineage.codeRepository() == null || lineage.codeRepository().isBlank()
        || lineage.codeCommit() == null || lineage.codeCommit().isBlank()) {
      throw RegistryRuleViolation.invalid("lineage-invalid", "Lineage names the code repository and commit.");
    }
    if (lineage.parentVersion() != null && lineage.parentVersion() < 1) {
      throw RegistryRuleViolation.invalid("lineage-invalid", "A parent version is a version number, 1 or more.");
    }
  }

  public static void check(EvaluationDataRef ev) {
    if (ev.uri() == null || ev.uri().isBlank()) {
      throw RegistryRuleViolation.invalid("evaluation-data-invalid", "The evaluation data needs its URI.");
    }
    if (!ArtifactRules.validSha256(ev.sha256())) {
      throw RegistryRuleViolation.invalid("evaluation-data-sha256-malformed",
          "The evaluation data sha256 must be 64 lowercase hexadecimal digits.");
    }
    if (!FORMATS.contains(ev.format())) {
      throw RegistryRuleViolation.invalid("evaluation-data-invalid",
          "The evaluation data format is csv or jsonl; got '" + ev.format() + "'.");
    }
    ColumnMapping c = ev.columns();
    if (c == null || c.label() == null || c.label().isBlank() || c.prediction() == null || c.prediction().isBlank()) {
      throw RegistryRuleViolation.invalid("evaluation-data-invalid",
          "The evaluation data's column mapping names at least the label and prediction columns.");
    }
  }
}
