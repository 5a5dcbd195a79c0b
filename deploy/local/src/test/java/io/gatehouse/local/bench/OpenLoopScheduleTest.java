package io.gatehouse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

  @Test
  void sendsRateTimesDurationRequestsEvenlySpaced() {
    OpenLoopSchedule s = new OpenLoopSchedule(200, 60);

    assertThat(s.count()).isEqualTo(12_000);
    assertThat(s.offsetNanos(0)).isZero();
    assertThat(s.offsetNanos(1)).isEqualTo(5_000_000L);
    assertThat(s.offsetNanos(11_999)).isEqualTo(59_995_000_000L);
  }

  @Test
  void intendedTimesDoNotDriftAtRatesThatDoNotDivideASecond() {
    OpenLoopSchedule s = new OpenLoopSchedule(3, 10);

    assertThat(s.count()).isEqualTo(30);
    assertThat(s.offsetNanos(1)).isEqualTo(333_333_333L);
    assertThat(s.offsetNanos(2)).isEqualTo(666_666_667L);
    assertThat(s.offsetNanos(3)).isEqualTo(1_000_000_000L); // computed from i, not summed: no drift
    assertThat(s.offsetNanos(29)).isEqualTo(9_666_666_667L);
  }

  @Test
  void dueByCountsTheRequestsWhoseTimeHasCome() {
    OpenLoopSchedule s = new OpenLoopSchedule(200, 60);

    assertThat(s.dueBy(-1)).isZero();
    assertThat(s.dueBy(0)).isEqualTo(1);
    assertThat(s.dueBy(4_999_999)).isEqualTo(1);
    assertThat(s.dueBy(5_000_000)).isEqualTo(2);
    assertThat(s.dueBy(1_000_000_000L)).isEqualTo(201);
    assertThat(s.dueBy(3_600_000_000_000L)).isEqualTo(12_000);
  }

  @Test
  void dueByAgreesWithOffsetsEverywhere() {
    OpenLoopSchedule s = new OpenLoopSchedule(7.3, 20);
    for (int i = 0; i < s.count(); i++) {
      long t = s.offsetNanos(i);
      assertThat(s.dueBy(t)).as("at request %d", i).isEqualTo(i + 1);
      assertThat(s.dueBy(t - 1)).as("just before request %d", i).isEqualTo(i);
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new OpenLoopSchedule(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenLoopSchedule(10, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OpenLoopSchedule(10, 1).offsetNanos(10)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(new OpenLoopSchedule(10, 0).count()).isZero();
  }
}
