package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.monitoring.drift.domain.WindowSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code gatehouse.monitoring.*}; see monitoring-service/README.md. */
@ConfigurationProperties("gatehouse.monitoring")
public class MonitoringProperties {

  private final Engine engine = new Engine();
  /** The window of each risk tier ({@code LOW} ... {@code CRITICAL}) and {@code default} for others. */
  private Map<String, Window> windows = new LinkedHashMap<>();
  private final Performance performance = new Performance();
  private final Telemetry telemetry = new Telemetry();

  public Engine getEngine() {
    return engine;
  }

  public Map<String, Window> getWindows() {
    return windows;
  }

  public void setWindows(Map<String, Window> windows) {
    this.windows = windows;
  }

  public Performance getPerformance() {
    return performance;
  }

  public Telemetry getTelemetry() {
    return telemetry;
  }

  /** The engine's settings as the topology takes them. */
  public EngineSettings settings() {
    Map<String, WindowSpec> byTier = new LinkedHashMap<>();
    Window fallback = new Window();
    for (Map.Entry<String, Window> w : windows.entrySet()) {
      // property keys may arrive lower-cased (relaxed binding); tiers are upper case
      if ("default".equalsIgnoreCase(w.getKey())) {
        fallback = w.getValue();
      } else {
        byTier.put(w.getKey().toUpperCase(java.util.Locale.ROOT), w.getValue().spec());
      }
    }
    return new EngineSettings(byTier, fallback.spec(), engine.minSample, engine.positiveLabel,
        engine.punctuateInterval, engine.idleTimeout, engine.configRefresh, engine.labelHorizon,
        engine.predictionsOnDisk);
  }

  /** One tier's window: a duration, a count of observations, or both; grace for late observations. */
  public static class Window {
    private Duration duration = Duration.ofHours(1);
    private long observations = 0;
    private Duration grace = Duration.ofMinutes(1);

    WindowSpec spec() {
      return new WindowSpec(duration, observations, grace);
    }

    public Duration getDuration() {
      return duration;
    }

    public void setDuration(Duration duration) {
      this.duration = duration;
    }

    public long getObservations() {
      return observations;
    }

    public void setObservations(long observations) {
      this.observations = observations;
    }

    public Duration getGrace() {
      return grace;
    }

    public void setGrace(Duration grace) {
      this.grace = grace;
    }
  }

  /** The Kafka Streams application. */
  public static class Engine {
    private boolean enabled = true;
    private String applicationId = "monitoring-service-engine";
    /** Local state (RocksDB of pending predictions, checkpoints); empty: a fresh temp directory per process. */
    private String stateDir = "";
    private int threads = 1;
    // Kafka Streams commits every 100 ms under exactly-once by default; each commit is a Kafka transaction
    // (several broker round trips). At 500 ms the engine does 2-3 times the work per core (ADR 0008).
    private Duration commitInterval = Duration.ofMillis(500);
    private Duration punctuateInterval = Duration.ofMillis(100);
    private Duration idleTimeout = Duration.ofSeconds(5);
    private Duration configRefresh = Duration.ofSeconds(1);
    private long minSample = 100;
    private String positiveLabel = "1";
    private Duration labelHorizon = Duration.ofDays(7);
    private boolean predictionsOnDisk = true;
    private long cacheMaxBytes = 10L * 1024 * 1024;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getApplicationId() {
      return applicationId;
    }

    public void setApplicationId(String applicationId) {
      this.applicationId = applicationId;
    }

    public String getStateDir() {
      return stateDir;
    }

    public void setStateDir(String stateDir) {
      this.stateDir = stateDir;
    }

    public int getThreads() {
      return threads;
    }

    public void setThreads(int threads) {
      this.threads = threads;
    }

    public Duration getCommitInterval() {
      return commitInterval;
    }

    public void setCommitInterval(Duration commitInterval) {
      this.commitInterval = commitInterval;
    }

    public Duration getPunctuateInterval() {
      return punctuateInterval;
    }

    public void setPunctuateInterval(Duration punctuateInterval) {
      this.punctuateInterval = punctuateInterval;
    }

    public Duration getIdleTimeout() {
      return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
    }

    public Duration getConfigRefresh() {
      return configRefresh;
    }

    public void setConfigRefresh(Duration configRefresh) {
      this.configRefresh = configRefresh;
    }

    public long getMinSample() {
      return minSample;
    }

    public void setMinSample(long minSample) {
      this.minSample = minSample;
    }

    public String getPositiveLabel() {
      return positiveLabel;
    }

    public void setPositiveLabel(String positiveLabel) {
      this.positiveLabel = positiveLabel;
    }

    public Duration getLabelHorizon() {
      return labelHorizon;
    }

    public void setLabelHorizon(Duration labelHorizon) {
      this.labelHorizon = labelHorizon;
    }

    public boolean isPredictionsOnDisk() {
      return predictionsOnDisk;
    }

    public void setPredictionsOnDisk(boolean predictionsOnDisk) {
      this.predictionsOnDisk = predictionsOnDisk;
    }

    public long getCacheMaxBytes() {
      return cacheMaxBytes;
    }

    public void setCacheMaxBytes(long cacheMaxBytes) {
      this.cacheMaxBytes = cacheMaxBytes;
    }
  }

  /** Judging windowed performance against validation's figures. */
  public static class Performance {
    private double tolerance = 0.05;
    private long minLabelled = 100;

    public double getTolerance() {
      return tolerance;
    }

    public void setTolerance(double tolerance) {
      this.tolerance = tolerance;
    }

    public long getMinLabelled() {
      return minLabelled;
    }

    public void setMinLabelled(long minLabelled) {
      this.minLabelled = minLabelled;
    }
  }

  /** Telemetry over REST. */
  public static class Telemetry {
    private int maxBatch = 10_000;

    public int getMaxBatch() {
      return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
      this.maxBatch = maxBatch;
    }
  }
}
