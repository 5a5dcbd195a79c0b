package io.gatehouse.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlFilterTest {

  @Test
  void matchesEverythingWithoutConditions() {
    SqlFilter filter = new SqlFilter();

    assertThat(filter.where()).isEqualTo("TRUE");
    assertThat(filter.argsThen(10, 0)).containsExactly(10, 0);
  }

  @Test
  void joinsConditionsWithAndAndKeepsTheirArgumentsInOrder() {
    SqlFilter filter = new SqlFilter().and("(a, b) > (?, ?)", "m", 3).and("c = ?", "x");

    assertThat(filter.where()).isEqualTo("(a, b) > (?, ?) AND c = ?");
    assertThat(filter.argsThen(100)).containsExactly("m", 3, "x", 100);
  }

  @Test
  void leavesOutAnOptionalConditionWithoutAValue() {
    SqlFilter filter = new SqlFilter().andIfPresent("tier = ?", null).andIfPresent("status = ?", "OPEN");

    assertThat(filter.where()).isEqualTo("status = ?");
    assertThat(filter.args()).containsExactly("OPEN");
  }
}
