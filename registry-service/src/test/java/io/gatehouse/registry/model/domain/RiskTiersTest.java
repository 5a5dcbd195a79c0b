package io.gatehouse.registry.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.contracts.registry.RiskProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskTiersTest {

  @ParameterizedTest(name = "individuals={0} automated={1} public={2} regime={3} -> {4}")
  @CsvSource(nullValues = "none", value = {
      "true,  true,  false, EU-AI-ACT, CRITICAL",
      "true,  true,  false, none,      HIGH",
      "true,  false, false, GDPR,      HIGH",
      "true,  false, false, none,      MEDIUM",
      "false, false, true,  none,      MEDIUM",
      "false, true,  false, SOX,       MEDIUM",
      "false, true,  false, none,      LOW",
      "false, false, false, '',        LOW"})
  void derivesTheTierFromTheRiskProfile(boolean individuals, boolean automated, boolean publicFacing,
      String regime, String tier) {
    assertThat(RiskTiers.derive(new RiskProfile("credit", individuals, automated, publicFacing, regime)))
        .isEqualTo(tier);
  }
}
