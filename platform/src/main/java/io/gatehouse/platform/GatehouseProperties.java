package io.gatehouse.platform;

import io.gatehouse.contracts.Service;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code gatehouse.*} shared by every service.
 *
 * @param service the service whose events this process publishes to Kafka, or null for a pure consumer
 */
@ConfigurationProperties("gatehouse")
public class GatehouseProperties {

  /** The publishing service, e.g. {@code approval}; unset for a service that publishes nothing. */
  private Service service;

  private final Kafka kafka = new Kafka();

  private final Deadlines deadlines = new Deadlines();

  public Service getService() {
    return service;
  }

  public void setService(Service service) {
    this.service = service;
  }

  public Kafka getKafka() {
    return kafka;
  }

  public Deadlines getDeadlines() {
    return deadlines;
  }

  /** Axon deadlines kept in PostgreSQL by db-scheduler ({@code DeadlineConfiguration}). */
  public static class Deadlines {
    /** Whether aggregates get the persistent deadline manager; off, Axon keeps deadlines in memory. */
    private boolean enabled = false;
    /** How often the scheduler looks for due deadlines: the most a deadline fires late, when idle. */
    private java.time.Duration pollingInterval = java.time.Duration.ofSeconds(1);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public java.time.Duration getPollingInterval() {
      return pollingInterval;
    }

    public void setPollingInterval(java.time.Duration pollingInterval) {
      this.pollingInterval = pollingInterval;
    }
  }

  /** Topics and consumption. */
  public static class Kafka {
    /** Partitions of every topic the service creates when it is missing. */
    private int partitions = 3;
    /** Replication factor of created topics (3 in production, 1 on one broker). */
    private short replicationFactor = 1;
    /** Topics this service consumes; empty means it consumes nothing. */
    private List<String> consume = new ArrayList<>();
    /** Consumer threads. */
    private int concurrency = 1;
    /** Attempts at one record before it goes to the dead-letter topic (transient database errors retry forever). */
    private int maxAttempts = 3;
    /** Milliseconds between attempts. */
    private long retryIntervalMs = 500;
    /**
     * Apply the records of each poll in one transaction ({@code BatchInboundEventListener}) instead of
     * one transaction per record; for services that apply many events cheaply (audit-projection).
     */
    private boolean batchListener = false;

    public boolean isBatchListener() {
      return batchListener;
    }

    public void setBatchListener(boolean batchListener) {
      this.batchListener = batchListener;
    }

    /** How long the publisher waits for the broker to acknowledge a batch before it fails and retries. */
    private java.time.Duration ackTimeout = java.time.Duration.ofSeconds(30);

    public java.time.Duration getAckTimeout() {
      return ackTimeout;
    }

    public void setAckTimeout(java.time.Duration ackTimeout) {
      this.ackTimeout = ackTimeout;
    }

    public int getPartitions() {
      return partitions;
    }

    public void setPartitions(int partitions) {
      this.partitions = partitions;
    }

    public short getReplicationFactor() {
      return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
      this.replicationFactor = replicationFactor;
    }

    public List<String> getConsume() {
      return consume;
    }

    public void setConsume(List<String> consume) {
      this.consume = consume;
    }

    public int getConcurrency() {
      return concurrency;
    }

    public void setConcurrency(int concurrency) {
      this.concurrency = concurrency;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public long getRetryIntervalMs() {
      return retryIntervalMs;
    }

    public void setRetryIntervalMs(long retryIntervalMs) {
      this.retryIntervalMs = retryIntervalMs;
    }
  }
}
