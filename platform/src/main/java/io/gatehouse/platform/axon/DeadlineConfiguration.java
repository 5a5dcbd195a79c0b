package io.gatehouse.platform.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import io.gatehouse.platform.GatehouseProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Axon deadlines that survive a restart: a {@link DbSchedulerDeadlineManager} on a db-scheduler
 * {@link Scheduler} over the service's PostgreSQL ({@code scheduled_tasks}, {@code db/platform/V3}).
 * On with {@code gatehouse.deadlines.enabled=true}. Off (the default) there is no
 * {@code DeadlineManager} bean, and under Spring Boot Axon does not hand its in-memory
 * {@code SimpleDeadlineManager} to handlers: an aggregate whose handler takes a
 * {@code DeadlineManager} then fails the start instead of keeping deadlines in memory.
 *
 * <ul>
 *   <li>Axon's auto-configuration declares no {@code DeadlineManager} bean of its own, so the bean
 *       here is what Axon's configuration and every {@code DeadlineManager} handler parameter
 *       resolve to (a test checks it).</li>
 *   <li>Axon also ships {@code AxonDbSchedulerAutoConfiguration}, active whenever a {@code Scheduler}
 *       bean exists when it is evaluated; it would add a db-scheduler {@code EventScheduler} whose
 *       task this scheduler does not run. Ordering this class after it keeps it off.</li>
 *   <li>The scheduler sees the data source through a {@link TransactionAwareDataSourceProxy}: a
 *       deadline scheduled or cancelled by a command is written in the command's transaction, so it
 *       commits or rolls back with the command's events.</li>
 *   <li>The scheduler starts after Axon (deadline handlers load aggregates) and stops before it, and
 *       so before the data source closes; Axon's own start/stop of it is switched off.</li>
 * </ul>
 */
@AutoConfiguration(
    after = AxonStorageConfiguration.class,
    afterName = {
        "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration"})
@ConditionalOnProperty(name = "gatehouse.deadlines.enabled", havingValue = "true")
@EnableConfigurationProperties(GatehouseProperties.class)
public class DeadlineConfiguration {

  /** db-scheduler's table, created by Flyway ({@code V3__scheduled_tasks.sql}). */
  public static final String TABLE = "scheduled_tasks";
  /** Deadlines are few and their handlers short: two executions at a time per instance. */
  static final int THREADS = 2;
  /** How long a stop waits for running deadline handlers (db-scheduler's default is 30 minutes). */
  static final Duration SHUTDOWN_MAX_WAIT = Duration.ofSeconds(10);

  @Bean
  public Scheduler deadlineScheduler(DataSource dataSource, GatehouseProperties props,
      ObjectProvider<DbSchedulerDeadlineManager> deadlineManager, ObjectProvider<MeterRegistry> meters) {
    // The task needs the manager and the manager needs the scheduler: the task looks it up when it runs.
    Task<DbSchedulerBinaryDeadlineDetails> task = DbSchedulerDeadlineManager.binaryTask(deadlineManager::getObject);
    SchedulerBuilder builder = Scheduler.create(transactionAware(dataSource), List.of(task))
        .tableName(TABLE)
        .threads(THREADS)
        .pollingInterval(props.getDeadlines().getPollingInterval())
        // UPDATE ... WHERE (task_name, task_instance) IN (SELECT ... FOR UPDATE SKIP LOCKED): each due
        // deadline is picked by exactly one instance, the others skip its locked row.
        .pollUsingLockAndFetch(0.5, 1.0)
        .shutdownMaxWait(SHUTDOWN_MAX_WAIT);
    meters.ifAvailable(registry -> builder.statsRegistry(new MicrometerStatsRegistry(registry, List.of(task))));
    return builder.build();
  }

  @Bean
  public DbSchedulerDeadlineManager deadlineManager(Scheduler deadlineScheduler,
      org.axonframework.config.Configuration axonConfiguration,
      @Qualifier("eventSerializer") Serializer serializer,
      TransactionManager transactionManager,
      DeadlineManagerSpanFactory spanFactory) {
    // The event serializer, as in Axon's own db-scheduler auto-configuration, so stored deadlines read
    // the same either way. It serializes the payload, metadata and scope; db-scheduler then stores
    // that (a Serializable holder) with Java serialization.
    return DbSchedulerDeadlineManager.builder()
        .scheduler(deadlineScheduler)
        .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
        .serializer(serializer)
        .transactionManager(transactionManager)
        .spanFactory(spanFactory)
        .startScheduler(false)
        .stopScheduler(false)
        .build();
  }

  @Bean
  public DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
    return new DeadlineSchedulerLifecycle(deadlineScheduler);
  }

  private static DataSource transactionAware(DataSource dataSource) {
    return dataSource instanceof TransactionAwareDataSourceProxy ? dataSource
        : new TransactionAwareDataSourceProxy(dataSource);
  }

  /**
   * Starts the scheduler once Axon has started (a due deadline may fire on the first poll and needs
   * the aggregate repositories) and stops it before Axon stops. Spring stops lifecycles before it
   * destroys beans, so the data source is still open while running deadlines finish.
   */
  public static class DeadlineSchedulerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSchedulerLifecycle.class);

    private final Scheduler scheduler;
    private volatile boolean running;

    DeadlineSchedulerLifecycle(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public void start() {
      scheduler.start();
      running = true;
      log.info("Deadline scheduler started on table {}", TABLE);
    }

    @Override
    public void stop() {
      running = false;
      scheduler.stop();
    }

    @Override
    public boolean isRunning() {
      return running;
    }

    /** Higher phases start later and stop earlier. */
    @Override
    public int getPhase() {
      return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
    }
  }
}
