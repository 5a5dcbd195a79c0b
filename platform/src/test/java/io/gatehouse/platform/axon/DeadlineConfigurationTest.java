package io.gatehouse.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Persistent deadlines are opt-in: without the setting no scheduler polls the database. */
class DeadlineConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DeadlineConfiguration.class));

  @Test
  void offUnlessEnabled() {
    runner.run(context -> assertThat(context)
        .doesNotHaveBean(Scheduler.class).doesNotHaveBean(DeadlineManager.class));
    runner.withPropertyValues("gatehouse.deadlines.enabled=false").run(context -> assertThat(context)
        .doesNotHaveBean(Scheduler.class).doesNotHaveBean(DeadlineManager.class));
  }
}
