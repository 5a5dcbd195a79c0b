package io.gatehouse.monitoring.policy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.monitoring.drift.domain.DriftThresholds;
import io.gatehouse.monitoring.drift.domain.Statistic;
import io.gatehouse.monitoring.drift.domain.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DriftLevelsTest {

  static String shipped() throws Exception {
    return new String(DriftLevelsTest.class.getResourceAsStream("/policies/default.yaml").readAllBytes());
  }

  @Test
  void readsEachTiersDriftLevelsFromAPolicyDocument() throws Exception {
    Map<String, DriftThresholds> tiers = DriftLevels.parse(shipped());
    assertThat(tiers.get("HIGH").of(Statistic.PSI)).isEqualTo(new Thresholds(0.10, 0.25));
    assertThat(tiers.get("CRITICAL").of(Statistic.KS)).isEqualTo(new Thresholds(0.10, 0.15));
    assertThat(tiers.get("CRITICAL").of(Statistic.JS)).isEqualTo(new Thresholds(0.10, 0.15));
    assertThat(tiers).containsOnlyKeys("LOW", "MEDIUM", "HIGH", "CRITICAL");
  }

  @Test
  void aTierWithoutDriftLevelsOrAnUnreadableDocumentFallsBack() {
    assertThat(DriftLevels.parse("policy: p\nversion: 2\ntiers:\n  LOW:\n    gates: []\n")).isEmpty();
    assertThat(DriftLevels.parse("::: not yaml :::\n  - [")).isEmpty();
    assertThat(DriftLevels.parse("tiers:\n  LOW:\n    drift: { psi: { warn: 0.3, act: 0.2 } }\n").get("LOW").of(Statistic.PSI))
        .as("act below warn is unusable: the fallback level").isEqualTo(DriftThresholds.FALLBACK.of(Statistic.PSI));
  }

  /** The shipped default is the one approval-service publishes as default v1: the two copies must not drift apart. */
  @Test
  void theShippedDefaultIsApprovalServicesShippedDefault() throws Exception {
    Path approvals = Path.of("../approval-service/src/main/resources/policies/default.yaml");
    Assumptions.assumeTrue(Files.exists(approvals), "approval-service's sources are next to this module");
    assertThat(shipped()).isEqualTo(Files.readString(approvals));
  }
}
