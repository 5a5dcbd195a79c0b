package io.gatehouse.monitoring.policy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.monitoring.drift.domain.DriftThresholds;
import io.gatehouse.monitoring.drift.domain.Statistic;
import io.gatehouse.monitoring.drift.domain.Thresholds;
import io.gatehouse.monitoring.drift.infra.VersionConfig;
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
    Map<String, DriftLevels.TierDrift> tiers = DriftLevels.parse(shipped());
    assertThat(tiers.get("HIGH").levels().of(Statistic.PSI)).isEqualTo(new Thresholds(0.10, 0.25));
    assertThat(tiers.get("CRITICAL").levels().of(Statistic.KS)).isEqualTo(new Thresholds(0.10, 0.15));
    assertThat(tiers.get("CRITICAL").levels().of(Statistic.JS)).isEqualTo(new Thresholds(0.10, 0.15));
    assertThat(tiers).containsOnlyKeys("LOW", "MEDIUM", "HIGH", "CRITICAL");
  }

  @Test
  void readsEachTiersWindowSizeTheShippedOnesEqualToTheConfiguredDefaults() throws Exception {
    Map<String, DriftLevels.TierDrift> tiers = DriftLevels.parse(shipped());
    assertThat(tiers.get("LOW").window()).isEqualTo(new VersionConfig.PolicyWindow("PT1H", 0));
    assertThat(tiers.get("MEDIUM").window()).isEqualTo(new VersionConfig.PolicyWindow("PT1H", 0));
    assertThat(tiers.get("HIGH").window()).isEqualTo(new VersionConfig.PolicyWindow("PT15M", 10000));
    assertThat(tiers.get("CRITICAL").window()).isEqualTo(new VersionConfig.PolicyWindow("PT5M", 5000));
    assertThat(DriftLevels.parse("tiers:\n  LOW:\n    drift: { window: { observations: 300 } }\n").get("LOW").window())
        .isEqualTo(new VersionConfig.PolicyWindow(null, 300));
    assertThat(DriftLevels.parse("tiers:\n  LOW:\n    drift: { psi: { warn: 0.1, act: 0.2 } }\n").get("LOW").window())
        .as("no window: the configured one applies").isNull();
    assertThat(DriftLevels.parse("tiers:\n  LOW:\n    drift: { window: { duration: soon } }\n").get("LOW").window())
        .as("unusable: the configured one applies").isNull();
    assertThat(DriftLevels.parse("tiers:\n  LOW:\n    drift: { window: { observations: -5 } }\n").get("LOW").window())
        .as("unusable: the configured one applies").isNull();
  }

  @Test
  void aTierWithoutDriftLevelsOrAnUnreadableDocumentFallsBack() {
    assertThat(DriftLevels.parse("policy: p\nversion: 2\ntiers:\n  LOW:\n    gates: []\n")).isEmpty();
    assertThat(DriftLevels.parse("::: not yaml :::\n  - [")).isEmpty();
    assertThat(DriftLevels.parse("tiers:\n  LOW:\n    drift: { psi: { warn: 0.3, act: 0.2 } }\n").get("LOW").levels()
        .of(Statistic.PSI))
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
