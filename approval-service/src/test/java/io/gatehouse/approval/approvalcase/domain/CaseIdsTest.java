package io.gatehouse.approval.approvalcase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseIdsTest {

  @Test
  void oneCaseIdPerModelVersionStableAcrossCalls() {
    assertThat(CaseIds.of("credit", 1)).isEqualTo(CaseIds.of("credit", 1));
    assertThat(CaseIds.of("credit", 1)).isNotEqualTo(CaseIds.of("credit", 2));
    assertThat(CaseIds.of("credit", 11)).isNotEqualTo(CaseIds.of("credit1", 1));
  }
}
