package io.gatehouse.monitoring.monitoredversion.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.monitoring.drift.infra.EngineTopics;
import io.gatehouse.monitoring.drift.infra.VersionConfig;
import io.gatehouse.monitoring.monitoredversion.api.PolicyDocumentNoted;
import io.gatehouse.monitoring.monitoredversion.api.ReferenceProfileSet;
import io.gatehouse.monitoring.monitoredversion.api.ValidationFiguresNoted;
import io.gatehouse.monitoring.monitoredversion.api.VersionNoted;
import io.gatehouse.monitoring.policy.infra.DriftLevels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the engine what it needs of a version, on the compacted {@link EngineTopics#VERSIONS}
 * topic: whenever the version's tier, policy (and so its window size), reference profile or validation
 * figures change, its whole current row goes out (so a redelivery, or a newer row sent for an older
 * event, is harmless). A
 * streaming processor over the event store: the store is the outbox, and the token moves only once
 * the broker acknowledged.
 */
@Component
@ProcessingGroup(VersionConfigPublisher.PROCESSING_GROUP)
public class VersionConfigPublisher {

  public static final String PROCESSING_GROUP = "version-config";

  private final MonitoredVersions versions;
  private final KafkaTemplate<String, byte[]> kafka;
  private final DriftLevels levels;

  public VersionConfigPublisher(MonitoredVersions versions, KafkaTemplate<String, byte[]> gatehouseKafkaTemplate,
      DriftLevels levels) {
    this.versions = versions;
    this.kafka = gatehouseKafkaTemplate;
    this.levels = levels;
  }

  @EventHandler
  void on(VersionNoted e) throws Exception {
    publish(e.modelName(), e.version());
  }

  @EventHandler
  void on(ReferenceProfileSet e) throws Exception {
    publish(e.modelName(), e.version());
  }

  @EventHandler
  void on(ValidationFiguresNoted e) throws Exception {
    publish(e.modelName(), e.version());
  }

  @EventHandler
  void on(PolicyDocumentNoted e) throws Exception {
    publish(e.modelName(), e.version());
  }

  void publish(String model, int version) throws Exception {
    MonitoredVersions.Row row = versions.find(model, version).orElse(null);
    if (row == null) {
      return;
    }
    List<ObservedValue> baseline = new ArrayList<>();
    row.baseline().forEach((k, v) -> baseline.add(new ObservedValue(k, v)));
    VersionConfig config = new VersionConfig(model, version, row.riskTier(), row.revision(), row.profile(), baseline,
        levels.windowOf(row.policyName(), row.policyVersion(), row.riskTier()));
    kafka.send(new ProducerRecord<>(EngineTopics.VERSIONS, VersionConfig.key(model, version),
        EventJson.mapper().writeValueAsBytes(config))).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
  }
}
