package io.gatehouse.validation.run.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTranslatorTest {

  @Test
  void readsTheFiguresACardDeclares() {
    ModelCard card = new ModelCard("u", null, " ", "t", "e", "ROC AUC: roc_auc: 0.91, ece = 0.02; log_loss=4e-1 (held out)",
        "f", "l", "x", List.of(), List.of(
            new DeclaredMetric("accuracy", "Accuracy", 0.88, null, null, null, "test", null, null),
            new DeclaredMetric(null, "f1", 0.8, null, null, null, null, null, null),
            new DeclaredMetric("roc_auc", "AUC", 0.93, null, null, null, null, null, null)), List.of());
    // the structured declared metrics come first; the text adds what they do not declare
    assertThat(InputTranslator.declared(card)).containsExactly(java.util.Map.entry("accuracy", 0.88),
        java.util.Map.entry("ece", 0.02), java.util.Map.entry("f1", 0.8), java.util.Map.entry("log_loss", 0.4),
        java.util.Map.entry("roc_auc", 0.93));
  }

  @Test
  void theSameEventRequestsTheSameRun() {
    assertThat(InputTranslator.runId("evt-1")).isEqualTo(InputTranslator.runId("evt-1"))
        .isNotEqualTo(InputTranslator.runId("evt-2")).startsWith("run-");
  }
}
