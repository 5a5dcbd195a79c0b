package io.gatehouse.monitoring.drift.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowLayoutTest {

  static ReferenceProfile profile(long lastCount) {
    return new ReferenceProfile(List.of(
        ReferenceHistogram.numeric("x", List.of(0.0, 1.0, 2.0), List.of(5L, lastCount)),
        ReferenceHistogram.categorical("c", List.of("a", "b"), List.of(1L, 2L))));
  }

  /** Stored with every open window and compared after a restart: must not depend on the process. */
  @Test
  void theFingerprintIsAFixedDigestOfTheProfile() {
    assertThat(new WindowLayout(profile(7)).fingerprint()).isEqualTo(new WindowLayout(profile(7)).fingerprint())
        .isEqualTo(-6_007_623_548_112_970_844L);
    assertThat(new WindowLayout(profile(8)).fingerprint()).isNotEqualTo(new WindowLayout(profile(7)).fingerprint());
  }

  @Test
  void slotsFollowTheHeaderOneMissingCountAndOneSlotPerBinForEachFeature() {
    WindowLayout l = new WindowLayout(profile(7));
    assertThat(l.binSlot(0, 0)).isEqualTo(l.missingSlot(0) + 1);
    assertThat(l.missingSlot(1)).isEqualTo(l.missingSlot(0) + 1 + 2);
    assertThat(l.slots()).isEqualTo(l.missingSlot(1) + 1 + 3); // two categories and "other"
    byte[] state = l.open(10, 20);
    assertThat(l.fits(state)).isTrue();
    assertThat(new WindowLayout(profile(8)).fits(state)).isFalse();
  }
}
