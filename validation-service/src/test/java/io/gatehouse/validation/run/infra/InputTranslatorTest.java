package io.gatehouse.validation.run.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.registry.ModelCard;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputTranslatorTest {

  @Test
  void readsTheFiguresACardDeclares() {
    ModelCard card = new ModelCard("u", null, " ", "t", "e", "ROC AUC: roc_auc: 0.91, ece = 0.02; log_loss=4e-1 (held out)",
        "f", "l", "x", List.of());
    assertThat(InputTranslator.declared(card)).containsExactly(
        java.util.Map.entry("ece", 0.02), java.util.Map.entry("log_loss", 0.4), java.util.Map.entry("roc_auc", 0.91));
    assertThat(InputTranslator.missingSections(card)).containsExactly("outOfScopeUse", "usersAffected", "owners");
    assertThat(InputTranslator.missingSections(null)).hasSize(10);
  }

  @Test
  void theSameEventRequestsTheSameRun() {
    assertThat(InputTranslator.runId("evt-1")).isEqualTo(InputTranslator.runId("evt-1"))
        .isNotEqualTo(InputTranslator.runId("evt-2")).startsWith("run-");
  }
}
