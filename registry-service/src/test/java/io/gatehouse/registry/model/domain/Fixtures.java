package io.gatehouse.registry.model.domain;

import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ColumnMapping;
import io.gatehouse.contracts.registry.DatasetRef;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.registry.model.api.RegisterModel;
import io.gatehouse.registry.model.api.SubmitModelVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Small named builders for registry tests. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String SHA = "a".repeat(64);

  static final RiskProfile CREDIT = new RiskProfile("credit", true, true, false, null);

  private Fixtures() {}

  static RegisterModel register(String name, RiskProfile profile) {
    return new RegisterModel(name, "scores applicants", "risk-ml", List.of(), profile, "alice");
  }

  static ModelRegistered registered(String name, String tier) {
    return new ModelRegistered(name, "scores applicants", "risk-ml", List.of(), CREDIT, tier, "alice", NOW);
  }

  static SubmitModelVersion submit(String name, String sha256) {
    return new SubmitModelVersion(name, new ArtifactRef("s3://models/" + name + ".onnx", sha256, 1024),
        card(), lineage(), evaluation(), List.of("bob"), "alice");
  }

  static ModelVersionSubmitted submitted(String name, int version, String tier) {
    SubmitModelVersion s = submit(name, SHA);
    return new ModelVersionSubmitted(name, version, s.artifact(), s.modelCard(), s.lineage(), s.evaluationData(),
        tier, "alice", List.of("bob"), NOW);
  }

  static ModelVersionSubmitted submittedAs(String name, int version, String tier) {
    return submitted(name, version, tier);
  }

  static ModelCard card() {
    return new ModelCard("credit decisions", "marketing", "applicants", "2019-2024 loans", "2025 holdout",
        "AUC", "four-fifths rule checked", "thin files", "adverse action notices", List.of("risk-ml"), List.of(),
        List.of());
  }

  static Lineage lineage() {
    return new Lineage(List.of(new DatasetRef("s3://data/train.parquet", "b".repeat(64), "train")),
        "https://git.example/credit", "0123456789abcdef0123456789abcdef01234567", null);
  }

  static EvaluationDataRef evaluation() {
    return new EvaluationDataRef("file:eval/credit.csv", "c".repeat(64), "csv",
        new ColumnMapping("label", "prediction", "score", List.of("race"), List.of("income")));
  }
}
