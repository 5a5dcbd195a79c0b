package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.monitoring.drift.domain.ReferenceHistogram;
import io.gatehouse.monitoring.drift.domain.WindowFigures;
import io.gatehouse.monitoring.drift.domain.WindowLayout;
import io.gatehouse.monitoring.drift.domain.WindowSpec;
import io.gatehouse.monitoring.telemetry.domain.InvalidInput;
import io.gatehouse.monitoring.telemetry.domain.Label;
import io.gatehouse.monitoring.telemetry.domain.Observation;
import io.gatehouse.monitoring.telemetry.domain.WindowHistogram;
import io.gatehouse.monitoring.telemetry.infra.TelemetryParser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Counts telemetry into the open windows of each model version and closes them.
 *
 * <p>State (all changelogged, so a crash loses nothing the engine committed, and exactly-once
 * processing commits the state, the results and the input offsets together):
 * <ul>
 *   <li>{@code windows}: key {@code model/version/<start>} (time windows) or {@code model/version/open}
 *       (count windows) → the window's slots ({@link WindowLayout}), updated in place per observation;
 *   <li>{@code closed}: key {@code model/version} → end of the last closed time window (to refuse
 *       late observations) and the sequence number of the version's last window;
 *   <li>{@code predictions}: predictions that wait for a label, by {@code model/version/predictionId},
 *       kept for the label horizon.
 * </ul>
 * A record whose key is not its model name is forwarded to {@link EngineTopics#TELEMETRY_BY_MODEL}
 * under the right key, so every window of a model is counted in one task.
 */
final class TelemetryProcessor implements Processor<String, byte[], String, byte[]> {

  static final String WINDOWS = "windows";
  static final String CLOSED = "closed";
  static final String PREDICTIONS = "predictions";
  private static final String OPEN = "open";

  private final EngineSettings settings;
  private final DeadLetters deadLetters;
  private final Counter counted;
  private final Counter windowsClosed;

  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, byte[]> windows;
  private KeyValueStore<String, byte[]> closed;
  private WindowStore<String, byte[]> predictions;
  private VersionLookup versions;
  /** Largest observation time seen by this task (restored from the open windows after a restart). */
  private long streamTime = Long.MIN_VALUE;
  private long lastRecordWallTime;
  /**
   * The open windows of this task as in the {@code windows} store (this processor is the store's only
   * writer): an observation reads its window here and writes it back to the store, whose change log
   * makes it durable; rebuilt from the store whenever the task (re)starts.
   */
  private final java.util.Map<String, byte[]> open = new java.util.HashMap<>();
  /** The earliest deadline of the open windows (event time), so that process() sees at once when one is due. */
  private long nextDeadline = Long.MAX_VALUE;

  TelemetryProcessor(EngineSettings settings, MeterRegistry meters, String consumer) {
    this.settings = settings;
    this.deadLetters = new DeadLetters(meters, consumer);
    this.counted = Counter.builder("gatehouse.monitoring.observations").description("Observations counted into windows")
        .register(meters);
    this.windowsClosed = Counter.builder("gatehouse.monitoring.windows.closed").description("Windows closed and evaluated")
        .register(meters);
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.windows = context.getStateStore(WINDOWS);
    this.closed = context.getStateStore(CLOSED);
    this.predictions = context.getStateStore(PREDICTIONS);
    this.versions = new VersionLookup(context.getStateStore(MonitoringTopology.VERSIONS_STORE), settings);
    open.clear();
    try (KeyValueIterator<String, byte[]> all = windows.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> kv = all.next();
        open.put(kv.key, kv.value);
        streamTime = Math.max(streamTime, WindowLayout.get(kv.value, WindowLayout.MAX_TS));
        nextDeadline = Math.min(nextDeadline, WindowLayout.get(kv.value, WindowLayout.DEADLINE));
      }
    }
    lastRecordWallTime = context.currentSystemTimeMs();
    context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::closeDueWindows);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    long now = context.currentSystemTimeMs();
    lastRecordWallTime = now;
    try {
      InputType type = TelemetryParser.type(record.headers(), EngineTopics.TELEMETRY);
      switch (type) {
        case OBSERVATION -> observe(record, TelemetryParser.observation(record.value()), now);
        case LABEL -> label(record, TelemetryParser.label(record.value()), now);
        case WINDOW_HISTOGRAM -> histogram(record, TelemetryParser.windowHistogram(record.value()), now);
        default -> throw new InvalidInput("unknown-type", type.type() + " does not belong on " + EngineTopics.TELEMETRY);
      }
    } catch (InvalidInput e) {
      context.forward(deadLetters.letter(record, EngineTopics.TELEMETRY, e), MonitoringTopology.TELEMETRY_DLQ_SINK);
    }
  }

  private boolean rekeyed(Record<String, byte[]> record, String model) {
    if (model.equals(record.key())) {
      return false;
    }
    context.forward(record.withKey(model), MonitoringTopology.REKEY_SINK);
    return true;
  }

  private CompiledVersion version(String model, int version, long now, boolean needProfile) {
    CompiledVersion v = versions.get(model, version, now);
    if (v == null) {
      throw new InvalidInput("unknown-model", "Gatehouse knows no version " + version + " of model " + model
          + " (it is registered and submitted first; telemetry for it is not counted)");
    }
    if (needProfile && v.profile == null) {
      throw new InvalidInput("no-reference-profile", "version " + version + " of " + model
          + " has no reference profile yet (from validation's ValidationCompleted or an upload)");
    }
    return v;
  }

  private void observe(Record<String, byte[]> record, Observation o, long now) {
    if (rekeyed(record, o.modelName())) {
      return;
    }
    CompiledVersion v = version(o.modelName(), o.version(), now, true);
    String key = openWindow(v, o.timestampMs(), now);
    byte[] state = openState;
    v.counter.add(state, o);
    counted.increment();
    if (o.predictionId() != null && o.label() == null && !v.config.baseline().isEmpty()) {
      predictions.put(key(v, o.predictionId()), prediction(o), o.timestampMs());
    }
    streamTime = Math.max(streamTime, o.timestampMs());
    if (streamTime >= nextDeadline) {
      // a window's time is up: close it now rather than at the next punctuation
      store(key, state);
      closeDueWindows(now);
      state = open.get(key);
      if (state == null) {
        return; // the observation's own window was due (an observation far behind the stream): closed with it
      }
    }
    WindowSpec spec = v.window;
    if (spec.mode() != WindowSpec.Mode.TIME && WindowLayout.get(state, WindowLayout.COUNT) >= spec.observations()) {
      close(key, state, v, now, "count");
    } else {
      store(key, state);
    }
  }

  /** The state of the window {@link #openWindow} returned the key of (not yet stored back). */
  private byte[] openState;

  /**
   * The key of the window an observation at {@code ts} goes into, opened if needed; its state in
   * {@link #openState}, to be stored back by the caller. A
   * window counted on an older reference profile is closed first ("reference-changed"); so is a
   * count-or-time window whose time is up.
   */
  private String openWindow(CompiledVersion v, long ts, long now) {
    WindowSpec spec = v.window;
    WindowLayout layout = v.layout();
    if (spec.mode() == WindowSpec.Mode.TIME) {
      if (!v.countWindowChecked) {
        // the window setting changed from a count to a time window: the count window would never close
        v.countWindowChecked = true;
        byte[] left = open.get(v.openKey);
        if (left != null) {
          close(v.openKey, left, v, now, "window-changed");
        }
      }
      long start = spec.alignedStart(ts);
      String key = v.timeKey(start);
      byte[] state = open.get(key);
      if (state != null && !layout.fits(state)) {
        close(key, state, v, now, "reference-changed");
        state = null;
      }
      if (state == null) {
        long end = start + spec.duration().toMillis();
        byte[] marks = closed.get(VersionConfig.key(v.config.modelName(), v.config.version()));
        if (marks != null && end <= ByteBuffer.wrap(marks).getLong(0)) {
          throw new InvalidInput("late", "the observation at " + Instant.ofEpochMilli(ts) + " belongs to the window "
              + Instant.ofEpochMilli(start) + " to " + Instant.ofEpochMilli(end) + ", which is closed");
        }
        state = layout.open(start, end + spec.grace().toMillis());
      }
      openState = state;
      return key;
    }
    String key = v.openKey;
    byte[] state = open.get(key);
    if (state != null && !layout.fits(state)) {
      close(key, state, v, now, "reference-changed");
      state = null;
    }
    if (state != null && spec.duration() != null && ts >= WindowLayout.get(state, WindowLayout.DEADLINE)
        && WindowLayout.get(state, WindowLayout.COUNT) > 0) {
      close(key, state, v, now, "time");
      state = null;
    }
    if (state == null) {
      long deadline = spec.duration() == null ? Long.MAX_VALUE : ts + spec.duration().toMillis();
      state = layout.open(ts, deadline);
    }
    openState = state;
    return key;
  }

  private void label(Record<String, byte[]> record, Label l, long now) {
    if (rekeyed(record, l.modelName())) {
      return;
    }
    CompiledVersion v = version(l.modelName(), l.version(), now, true);
    String pkey = VersionConfig.key(l.modelName(), l.version()) + "/" + l.predictionId();
    long horizon = settings.labelHorizon().toMillis();
    long found = Long.MIN_VALUE;
    byte[] prediction = null;
    try (WindowStoreIterator<byte[]> it = predictions.fetch(pkey, Instant.ofEpochMilli(l.timestampMs() - horizon),
        Instant.ofEpochMilli(l.timestampMs() + horizon))) {
      while (it.hasNext()) {
        KeyValue<Long, byte[]> kv = it.next();
        found = kv.key;
        prediction = kv.value;
      }
    }
    if (prediction == null) {
      throw new InvalidInput("unknown-prediction", "no prediction " + l.predictionId() + " of " + l.modelName()
          + " version " + l.version() + " waits for a label (within " + settings.labelHorizon() + ", or it had one)");
    }
    predictions.put(pkey, null, found);
    String key = openWindow(v, l.timestampMs(), now);
    byte[] state = openState;
    ByteBuffer p = ByteBuffer.wrap(prediction);
    double score = p.getDouble();
    int length = p.getInt();
    String predicted = length < 0 ? null : new String(prediction, p.position(), length, StandardCharsets.UTF_8);
    v.counter.addLabel(state, predicted, score, l.label());
    store(key, state);
  }

  private static String key(CompiledVersion v, String predictionId) {
    return VersionConfig.key(v.config.modelName(), v.config.version()) + "/" + predictionId;
  }

  private static byte[] prediction(Observation o) {
    byte[] text = o.prediction() == null ? new byte[0] : o.prediction().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(12 + text.length);
    b.putDouble(o.score()).putInt(o.prediction() == null ? -1 : text.length).put(text);
    return b.array();
  }

  private void histogram(Record<String, byte[]> record, WindowHistogram h, long now) {
    if (rekeyed(record, h.modelName())) {
      return;
    }
    CompiledVersion v = version(h.modelName(), h.version(), now, true);
    List<ReferenceHistogram> refs = v.profile.histograms();
    long[][] counts = new long[refs.size()][];
    for (WindowHistogram.Entry e : h.features()) {
      int f = -1;
      for (int i = 0; i < refs.size(); i++) {
        if (refs.get(i).feature().equals(e.feature())) {
          f = i;
        }
      }
      if (f < 0) {
        continue; // a feature the reference does not know: ignored, as in observations
      }
      counts[f] = HistogramBins.onReferenceBins(refs.get(f), e);
    }
    WindowFigures figures = WindowFigures.evaluate(v.profile, counts, h.windowStartMs(), h.windowEndMs(), h.sampleSize(),
        settings.minSample());
    emit(ResultJson.window(nextResultId(v), h.modelName(), h.version(), figures, now, "histogram"), now);
  }

  /** Closes every window whose time is up: by stream time, or by the clock while no telemetry arrives. */
  private void closeDueWindows(long now) {
    boolean idle = now - lastRecordWallTime >= settings.idleTimeout().toMillis();
    List<KeyValue<String, byte[]>> due = new ArrayList<>();
    for (java.util.Map.Entry<String, byte[]> e : open.entrySet()) {
      long deadline = WindowLayout.get(e.getValue(), WindowLayout.DEADLINE);
      if (deadline != Long.MAX_VALUE && (streamTime >= deadline || (idle && now >= deadline))) {
        due.add(KeyValue.pair(e.getKey(), e.getValue()));
      }
    }
    long next = Long.MAX_VALUE;
    for (java.util.Map.Entry<String, byte[]> e : open.entrySet()) {
      if (due.stream().noneMatch(d -> d.key.equals(e.getKey()))) {
        next = Math.min(next, WindowLayout.get(e.getValue(), WindowLayout.DEADLINE));
      }
    }
    nextDeadline = next;
    for (KeyValue<String, byte[]> kv : due) {
      String[] parts = kv.key.split("/");
      CompiledVersion v = versions.get(parts[0], Integer.parseInt(parts[1]), now);
      if (WindowLayout.get(kv.value, WindowLayout.COUNT) == 0 && WindowLayout.get(kv.value, WindowLayout.LABELLED) == 0) {
        forget(kv.key); // nothing was counted in it
        continue;
      }
      close(kv.key, kv.value, v, now, streamTime >= WindowLayout.get(kv.value, WindowLayout.DEADLINE) ? "time" : "idle");
    }
  }

  /** Evaluates a window, emits its result, forgets it, and (time windows) remembers that it closed. */
  private void close(String key, byte[] state, CompiledVersion v, long now, String closedBy) {
    String[] parts = key.split("/");
    String model = parts[0];
    int version = Integer.parseInt(parts[1]);
    forget(key);
    windowsClosed.increment();
    long start = WindowLayout.get(state, WindowLayout.START);
    boolean time = !OPEN.equals(parts[2]);
    long end;
    if (time) {
      end = start + (v != null && v.window.duration() != null ? v.window.duration().toMillis()
          : Math.max(1, WindowLayout.get(state, WindowLayout.DEADLINE) - start));
    } else {
      end = Math.max(start, WindowLayout.get(state, WindowLayout.MAX_TS));
    }
    String resultId = nextResultId(model, version, time ? end : Long.MIN_VALUE);
    WindowResult result;
    if (v == null || v.profile == null || !v.layout().fits(state)) {
      result = new WindowResult(resultId, "window", model, version, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
          Instant.ofEpochMilli(now), WindowLayout.get(state, WindowLayout.COUNT), "reference-changed", List.of(),
          List.of(), null, null);
    } else {
      WindowFigures figures = WindowFigures.evaluate(v.layout(), state, end, settings.minSample());
      result = ResultJson.window(resultId, model, version, figures, now, closedBy);
    }
    emit(result, now);
  }

  private void store(String key, byte[] state) {
    open.put(key, state);
    windows.put(key, state);
    nextDeadline = Math.min(nextDeadline, WindowLayout.get(state, WindowLayout.DEADLINE));
  }

  private void forget(String key) {
    open.remove(key);
    windows.delete(key);
  }

  private String nextResultId(CompiledVersion v) {
    return nextResultId(v.config.modelName(), v.config.version(), Long.MIN_VALUE);
  }

  /** A new sequence number of the version's windows; also moves the closed mark for a time window. */
  private String nextResultId(String model, int version, long closedEnd) {
    String k = VersionConfig.key(model, version);
    byte[] marks = closed.get(k);
    long lastEnd = marks == null ? Long.MIN_VALUE : ByteBuffer.wrap(marks).getLong(0);
    long seq = marks == null ? 1 : ByteBuffer.wrap(marks).getLong(8) + 1;
    closed.put(k, ByteBuffer.allocate(16).putLong(Math.max(lastEnd, closedEnd)).putLong(seq).array());
    return "window:" + k + "/" + seq;
  }

  private void emit(WindowResult result, long now) {
    context.forward(new Record<>(result.modelName(), ResultJson.bytes(result), now, new RecordHeaders()),
        MonitoringTopology.RESULTS_SINK);
    // a result is visible (read committed) only once its transaction commits: ask for the commit now
    // rather than at the next commit interval; windows close rarely, so this costs little
    context.commit();
  }
}
