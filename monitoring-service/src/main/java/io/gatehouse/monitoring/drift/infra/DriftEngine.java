package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.monitoring.drift.domain.WindowSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the engine's topology as a Kafka Streams application with exactly-once processing
 * (exactly_once_v2): each commit writes the window state changes (changelogs), the results and dead
 * letters, and the input offsets in one Kafka transaction. Started after the topics exist; a failed
 * stream thread is replaced, never stopping the service. Healthy while running or rebalancing.
 */
public class DriftEngine implements SmartLifecycle, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(DriftEngine.class);

  private final MonitoringProperties props;
  private final Map<String, Object> kafkaProperties;
  private final int replicationFactor;
  private final MeterRegistry meters;
  private KafkaStreams streams;
  private KafkaStreamsMetrics metrics;
  private volatile boolean running;

  public DriftEngine(MonitoringProperties props, Map<String, Object> kafkaProperties, int replicationFactor,
      MeterRegistry meters) {
    this.props = props;
    this.kafkaProperties = kafkaProperties;
    this.replicationFactor = replicationFactor;
    this.meters = meters;
  }

  Properties streamsConfig() {
    MonitoringProperties.Engine e = props.getEngine();
    Properties p = new Properties();
    p.putAll(kafkaProperties);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, e.getApplicationId());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, e.getCommitInterval().toMillis());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, e.getThreads());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, e.getCacheMaxBytes());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(e.getStateDir()));
    p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    // fetch more per poll: telemetry records are small and many
    p.put(StreamsConfig.consumerPrefix("max.poll.records"), 2000);
    p.put(StreamsConfig.producerPrefix("linger.ms"), 5);
    return p;
  }

  private static String stateDir(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    try {
      return Files.createTempDirectory("gatehouse-monitoring-streams-").toString();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public synchronized void start() {
    streams = new KafkaStreams(MonitoringTopology.build(props.settings(), meters, props.getEngine().getApplicationId()),
        streamsConfig());
    streams.setUncaughtExceptionHandler(ex -> {
      log.error("A drift engine thread failed; replacing it", ex);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(meters);
    streams.start();
    running = true;
    log.info("Drift engine {} started (exactly_once_v2)", props.getEngine().getApplicationId());
  }

  @Override
  public synchronized void stop() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(20));
      if (metrics != null) {
        metrics.close();
      }
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the consumers and publishers of the platform (default phase), before the web server stops. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  /**
   * The settings of a version the engine holds (its global store), or null: the engine counts a
   * version's telemetry against the profile and window of that revision.
   */
  public VersionConfig held(String model, int version) {
    try {
      org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, byte[]> store = streams.store(
          org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(MonitoringTopology.VERSIONS_STORE,
              org.apache.kafka.streams.state.QueryableStoreTypes.keyValueStore()));
      byte[] raw = store.get(VersionConfig.key(model, version));
      return raw == null ? null : io.gatehouse.contracts.EventJson.mapper().readValue(raw, VersionConfig.class);
    } catch (RuntimeException e) {
      return null; // not running, or rebalancing
    }
  }

  /** The revision of a version's settings the engine holds, or -1. */
  public long revisionOf(String model, int version) {
    VersionConfig c = held(model, version);
    return c == null ? -1 : c.revision();
  }

  /** The window a version's settings give (the policy's size, else the tier's configured window). */
  public WindowSpec windowOf(VersionConfig config) {
    return props.settings().windowOf(config.tier(), config.window());
  }

  public KafkaStreams.State state() {
    return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
  }

  @Override
  public Health health() {
    KafkaStreams.State s = state();
    Health.Builder b = s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING
        || s == KafkaStreams.State.CREATED ? Health.up() : Health.down();
    return b.withDetail("state", s.name()).build();
  }
}
