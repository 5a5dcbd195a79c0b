package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.monitoring.telemetry.domain.DriftSignal;
import io.gatehouse.monitoring.telemetry.domain.InvalidInput;
import io.gatehouse.monitoring.telemetry.infra.TelemetryParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Checks external drift signals ({@code gatehouse.drift-signals.v1}) and passes those about a known
 * model version on to the service; the rest go to {@code gatehouse.drift-signals.v1.dlq}.
 */
final class SignalProcessor implements Processor<String, byte[], String, byte[]> {

  private final EngineSettings settings;
  private final DeadLetters deadLetters;
  private ProcessorContext<String, byte[]> context;
  private VersionLookup versions;

  SignalProcessor(EngineSettings settings, MeterRegistry meters, String consumer) {
    this.settings = settings;
    this.deadLetters = new DeadLetters(meters, consumer);
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.versions = new VersionLookup(context.getStateStore(MonitoringTopology.VERSIONS_STORE), settings);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    long now = context.currentSystemTimeMs();
    try {
      InputType type = TelemetryParser.type(record.headers(), EngineTopics.DRIFT_SIGNALS);
      if (type != InputType.DRIFT_SIGNAL) {
        throw new InvalidInput("unknown-type", type.type() + " does not belong on " + EngineTopics.DRIFT_SIGNALS);
      }
      DriftSignal s = TelemetryParser.driftSignal(record.value());
      if (versions.get(s.modelName(), s.version(), now) == null) {
        throw new InvalidInput("unknown-model", "Gatehouse knows no version " + s.version() + " of model " + s.modelName());
      }
      String id = TelemetryParser.header(record.headers(), "ce_id");
      WindowResult result = new WindowResult("signal:" + s.source() + "/" + id, "signal", s.modelName(), s.version(),
          s.windowStart(), s.windowEnd(), Instant.ofEpochMilli(now), s.sampleSize(), null, List.of(), List.of(), null, s);
      context.forward(new Record<>(s.modelName(), ResultJson.bytes(result), now, new RecordHeaders()),
          MonitoringTopology.SIGNAL_RESULTS_SINK);
    } catch (InvalidInput e) {
      context.forward(deadLetters.letter(record, EngineTopics.DRIFT_SIGNALS, e), MonitoringTopology.SIGNALS_DLQ_SINK);
    }
  }
}
