package io.gatehouse.monitoring.monitoredversion.infra;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.monitoring.drift.domain.DriftThresholds;
import io.gatehouse.monitoring.drift.infra.MonitoringProperties;
import io.gatehouse.monitoring.drift.infra.WindowResult;
import io.gatehouse.monitoring.monitoredversion.api.AssessWindow;
import io.gatehouse.monitoring.monitoredversion.api.RecordDriftSignal;
import io.gatehouse.monitoring.monitoredversion.domain.MonitoredVersionIds;
import io.gatehouse.monitoring.policy.infra.DriftLevels;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.context.Traceparent;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the engine's results ({@code window-results}, read committed) once each: in one
 * transaction it records the result id in the inbox, keeps the result in {@code window_result} (the
 * monitoring view), and judges it on the version's aggregate under the drift levels of the version's
 * tier and policy, whose events ({@code DriftDetected}, ...) commit in the same transaction.
 */
public class WindowResultListener implements MessageListener<String, byte[]> {

  public static final String CONSUMER = "monitoring-service-results";

  private final Inbox inbox;
  private final TransactionTemplate transactions;
  private final JdbcTemplate jdbc;
  private final CommandGateway commands;
  private final MonitoredVersions versions;
  private final DriftLevels levels;
  private final MonitoringProperties props;
  private final Clock clock;
  private final Timer delay;

  public WindowResultListener(Inbox inbox, TransactionTemplate transactions, JdbcTemplate jdbc, CommandGateway commands,
      MonitoredVersions versions, DriftLevels levels, MonitoringProperties props, Clock clock, MeterRegistry meters) {
    this.inbox = inbox;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.commands = commands;
    this.versions = versions;
    this.levels = levels;
    this.props = props;
    this.clock = clock;
    this.delay = Timer.builder("gatehouse.monitoring.window.assessment.delay")
        .description("From a window's close in the engine to its assessment committed").register(meters);
  }

  @Override
  public void onMessage(ConsumerRecord<String, byte[]> record) {
    WindowResult r = EventJson.mapper().readValue(record.value(), WindowResult.class);
    ConsumedEvent asEvent = new ConsumedEvent(r.resultId(), "window-result:" + r.kind(), "/gatehouse/monitoring/engine",
        null, r.closedAt(), null, null, record.key(), null, record.value(), record.topic(), record.partition(),
        record.offset());
    Acting acting = new Acting("service:monitoring-service", null, Traceparent.childOf(null), r.resultId());
    ActingContext.callAs(acting, () -> transactions.execute(status -> {
      if (!inbox.firstDelivery(asEvent)) {
        return null;
      }
      jdbc.update("""
          INSERT INTO window_result (result_id, model_name, version, kind, window_start, window_end, closed_at,
            sample_size, closed_by, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
          r.resultId(), r.modelName(), r.version(), r.kind(), ts(r.windowStart()), ts(r.windowEnd()), ts(r.closedAt()),
          r.sampleSize(), r.closedBy(), new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
      apply(r);
      return null;
    }));
    delay.record(Duration.between(r.closedAt(), clock.instant()));
  }

  private void apply(WindowResult r) {
    String id = MonitoredVersionIds.of(r.modelName(), r.version());
    Instant now = clock.instant();
    if ("signal".equals(r.kind())) {
      commands.sendAndWait(new RecordDriftSignal(id, r.signal(), now));
      return;
    }
    MonitoredVersions.Row row = versions.find(r.modelName(), r.version()).orElse(null);
    DriftThresholds thresholds = row == null ? DriftThresholds.FALLBACK
        : levels.of(row.policyName(), row.policyVersion(), row.riskTier());
    List<AssessWindow.Statistic> stats = r.statistics().stream()
        .map(s -> new AssessWindow.Statistic(s.feature(), s.statistic(), s.value())).toList();
    List<AssessWindow.Metric> metrics = r.performance() == null ? List.of()
        : r.performance().metrics().stream().map(m -> new AssessWindow.Metric(m.name(), m.value())).toList();
    long labelled = r.performance() == null ? 0 : r.performance().labelled();
    commands.sendAndWait(new AssessWindow(id, r.resultId(), r.windowStart(), r.windowEnd(), r.sampleSize(), stats,
        labelled, metrics, thresholds, props.getPerformance().getTolerance(), props.getPerformance().getMinLabelled(),
        now));
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
