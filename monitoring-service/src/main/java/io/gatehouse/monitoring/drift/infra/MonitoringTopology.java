package io.gatehouse.monitoring.drift.infra;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The engine's topology:
 * <pre>
 *  gatehouse.telemetry.v1 ─┐                                      ┌─▶ window-results (internal)
 *  telemetry-by-model ─────┴─▶ windows [windows, closed, predictions] ─┼─▶ gatehouse.telemetry.v1.dlq
 *                                                                 └─▶ telemetry-by-model (wrong key)
 *  gatehouse.drift-signals.v1 ─▶ signals ─┬─▶ window-results
 *                                          └─▶ gatehouse.drift-signals.v1.dlq
 *  versions (internal, compacted) ─▶ global store "versions", read by both
 * </pre>
 */
public final class MonitoringTopology {

  public static final String VERSIONS_STORE = "versions";
  static final String RESULTS_SINK = "window-results";
  static final String SIGNAL_RESULTS_SINK = "signal-results";
  static final String TELEMETRY_DLQ_SINK = "telemetry-dlq";
  static final String SIGNALS_DLQ_SINK = "signals-dlq";
  static final String REKEY_SINK = "telemetry-rekey";

  private MonitoringTopology() {}

  public static Topology build(EngineSettings settings, MeterRegistry meters, String consumer) {
    Topology t = new Topology();
    StringDeserializer keys = new StringDeserializer();
    ByteArrayDeserializer values = new ByteArrayDeserializer();

    t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(VERSIONS_STORE), Serdes.String(),
            Serdes.ByteArray()).withLoggingDisabled(),
        "versions-source", keys, values, EngineTopics.VERSIONS, "versions-updater", VersionsUpdater::new);

    t.addSource("telemetry", keys, values, EngineTopics.TELEMETRY);
    t.addSource("telemetry-by-model", keys, values, EngineTopics.TELEMETRY_BY_MODEL);
    t.addProcessor("windows", () -> new TelemetryProcessor(settings, meters, consumer), "telemetry", "telemetry-by-model");
    // Open windows are few (one or two per model version) and small: kept in memory, every change
    // logged to a changelog topic from which a restarted or moved task restores them. Pending
    // predictions can be many: RocksDB, also changelogged.
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TelemetryProcessor.WINDOWS),
        Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), "windows");
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TelemetryProcessor.CLOSED),
        Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), "windows");
    Duration horizon = settings.labelHorizon();
    t.addStateStore(Stores.windowStoreBuilder(settings.predictionsOnDisk()
        ? Stores.persistentWindowStore(TelemetryProcessor.PREDICTIONS, horizon.multipliedBy(2), Duration.ofMillis(1), false)
        : Stores.inMemoryWindowStore(TelemetryProcessor.PREDICTIONS, horizon.multipliedBy(2), Duration.ofMillis(1), false),
        Serdes.String(), Serdes.ByteArray()), "windows");
    t.addSink(RESULTS_SINK, EngineTopics.RESULTS, new StringSerializer(), new ByteArraySerializer(), "windows");
    t.addSink(TELEMETRY_DLQ_SINK, EngineTopics.TELEMETRY_DLQ, new StringSerializer(), new ByteArraySerializer(), "windows");
    t.addSink(REKEY_SINK, EngineTopics.TELEMETRY_BY_MODEL, new StringSerializer(), new ByteArraySerializer(), "windows");

    t.addSource("drift-signals", keys, values, EngineTopics.DRIFT_SIGNALS);
    t.addProcessor("signals", () -> new SignalProcessor(settings, meters, consumer), "drift-signals");
    t.addSink(SIGNAL_RESULTS_SINK, EngineTopics.RESULTS, new StringSerializer(), new ByteArraySerializer(), "signals");
    t.addSink(SIGNALS_DLQ_SINK, EngineTopics.DRIFT_SIGNALS_DLQ, new StringSerializer(), new ByteArraySerializer(), "signals");
    return t;
  }

  /** Keeps the global store equal to the compacted versions topic (a null value removes a version). */
  static final class VersionsUpdater implements Processor<String, byte[], Void, Void> {
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(VERSIONS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
