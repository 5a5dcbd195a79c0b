package io.gatehouse.validation;

import io.gatehouse.validation.evaluation.domain.EvaluationOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code gatehouse.validation.*} (validation-service README, "Configuration"). */
@ConfigurationProperties("gatehouse.validation")
public class ValidationProperties {

  /** The policy whose versions are in force (approval-service's {@code default}). */
  private String policy = "default";
  /** Base URL the reports are served from, written into ValidationCompleted.reportUri. */
  private String publicBaseUrl = "http://127.0.0.1:8083";
  /** {@code file:} evaluation data must lie under this directory; unset refuses every {@code file:} URI. */
  private Path dataRoot;
  /** The largest evaluation file read (bytes). */
  private long maxDataBytes = 8L << 30;
  /** HTTP(S) fetches: connection timeout, and the most time until the response headers arrive. */
  private Duration httpConnectTimeout = Duration.ofSeconds(10);
  private Duration httpTimeout = Duration.ofMinutes(10);
  /** A run claimed longer ago than this by a worker that died is claimed again. */
  private Duration runLease = Duration.ofMinutes(30);
  /** How often an idle worker looks for pending runs. */
  private Duration pollInterval = Duration.ofMillis(500);
  /** Runs evaluated at once by this instance. */
  private int workers = 1;
  private int minGroupSize = EvaluationOptions.DEFAULTS.minGroupSize();
  private int maxGroupsPerAttribute = EvaluationOptions.DEFAULTS.maxGroupsPerAttribute();
  private int maxCategories = EvaluationOptions.DEFAULTS.maxCategories();
  private int exactAucDistinct = EvaluationOptions.DEFAULTS.exactAucDistinct();
  private int aucBins = EvaluationOptions.DEFAULTS.aucBins();
  private int groupAucBins = EvaluationOptions.DEFAULTS.groupAucBins();
  private int eceBins = EvaluationOptions.DEFAULTS.eceBins();
  private double logLossEpsilon = EvaluationOptions.DEFAULTS.logLossEpsilon();
  private int profileBins = EvaluationOptions.DEFAULTS.profileBins();

  public EvaluationOptions options() {
    return new EvaluationOptions(minGroupSize, maxGroupsPerAttribute, maxCategories, exactAucDistinct, aucBins,
        groupAucBins, eceBins, logLossEpsilon, profileBins, EvaluationOptions.DEFAULTS.fineGridCap());
  }

  public String getPolicy() { return policy; }
  public void setPolicy(String policy) { this.policy = policy; }
  public String getPublicBaseUrl() { return publicBaseUrl; }
  public void setPublicBaseUrl(String publicBaseUrl) { this.publicBaseUrl = publicBaseUrl; }
  public Path getDataRoot() { return dataRoot; }
  public void setDataRoot(Path dataRoot) { this.dataRoot = dataRoot; }
  public long getMaxDataBytes() { return maxDataBytes; }
  public void setMaxDataBytes(long maxDataBytes) { this.maxDataBytes = maxDataBytes; }
  public Duration getHttpConnectTimeout() { return httpConnectTimeout; }
  public void setHttpConnectTimeout(Duration d) { this.httpConnectTimeout = d; }
  public Duration getHttpTimeout() { return httpTimeout; }
  public void setHttpTimeout(Duration d) { this.httpTimeout = d; }
  public Duration getRunLease() { return runLease; }
  public void setRunLease(Duration runLease) { this.runLease = runLease; }
  public Duration getPollInterval() { return pollInterval; }
  public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
  public int getWorkers() { return workers; }
  public void setWorkers(int workers) { this.workers = workers; }
  public int getMinGroupSize() { return minGroupSize; }
  public void setMinGroupSize(int v) { this.minGroupSize = v; }
  public int getMaxGroupsPerAttribute() { return maxGroupsPerAttribute; }
  public void setMaxGroupsPerAttribute(int v) { this.maxGroupsPerAttribute = v; }
  public int getMaxCategories() { return maxCategories; }
  public void setMaxCategories(int v) { this.maxCategories = v; }
  public int getExactAucDistinct() { return exactAucDistinct; }
  public void setExactAucDistinct(int v) { this.exactAucDistinct = v; }
  public int getAucBins() { return aucBins; }
  public void setAucBins(int v) { this.aucBins = v; }
  public int getGroupAucBins() { return groupAucBins; }
  public void setGroupAucBins(int v) { this.groupAucBins = v; }
  public int getEceBins() { return eceBins; }
  public void setEceBins(int v) { this.eceBins = v; }
  public double getLogLossEpsilon() { return logLossEpsilon; }
  public void setLogLossEpsilon(double v) { this.logLossEpsilon = v; }
  public int getProfileBins() { return profileBins; }
  public void setProfileBins(int v) { this.profileBins = v; }
}
