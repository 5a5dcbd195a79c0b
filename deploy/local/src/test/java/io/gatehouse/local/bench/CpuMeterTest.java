package io.gatehouse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  @Test
  void readsUserPlusSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
    String stat = "4711 (java (main) x) S 1 4711 4711 0 -1 4194560 1200 0 0 0 250 75 3 4 20 0 42 0 100 0 0";

    assertThat(CpuMeter.parseStatTicks(stat)).isEqualTo(325);
    assertThat(CpuMeter.commandName(stat)).isEqualTo("java (main) x");
  }

  @Test
  void machineBusyIsUserNiceSystemIrqAndSoftirqNotIdleIowaitOrSteal() {
    assertThat(CpuMeter.parseMachineBusy("cpu  100 5 50 9000 300 7 8 1000 0 0")).isEqualTo(170);
  }

  @Test
  void usageBetweenSnapshotsCountsPidsThatAppearedAndIgnoresOnesThatVanished() {
    CpuMeter meter = new CpuMeter(Map.of(), 100);
    CpuMeter.Snapshot a = new CpuMeter.Snapshot(0, Map.of("postgresql", Map.of(1L, 100L, 2L, 50L)), 1000);
    CpuMeter.Snapshot b = new CpuMeter.Snapshot(2_000_000_000L, Map.of("postgresql", Map.of(1L, 150L, 3L, 20L)), 1200);

    CpuMeter.Usage u = meter.between(a, b);

    assertThat(u.wallSeconds()).isEqualTo(2.0);
    assertThat(u.cpuSeconds().get("postgresql")).isCloseTo(0.7, within(1e-9)); // pid 1: +50, pid 3 new: +20
    assertThat(u.machineBusySeconds()).isCloseTo(2.0, within(1e-9));
    assertThat(u.otherSeconds()).isCloseTo(1.3, within(1e-9));
  }
}
