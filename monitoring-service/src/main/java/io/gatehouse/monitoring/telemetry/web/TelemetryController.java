package io.gatehouse.monitoring.telemetry.web;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.telemetry.InputType;
import io.gatehouse.monitoring.drift.infra.EngineTopics;
import io.gatehouse.monitoring.drift.infra.HistogramBins;
import io.gatehouse.monitoring.drift.infra.MonitoringProperties;
import io.gatehouse.monitoring.monitoredversion.infra.MonitoredVersions;
import io.gatehouse.monitoring.telemetry.domain.InvalidInput;
import io.gatehouse.monitoring.telemetry.infra.TelemetryParser;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;

/**
 * Telemetry in batches over REST: {@code {"observations": [...], "labels": [...], "histograms": [...]}},
 * each item as on Kafka (the {@code io.gatehouse.telemetry.*.v1} schemas). All or nothing: every item
 * is checked first (schema, and a known model version with a reference profile), and any fault
 * refuses the whole batch with 422 listing each one; a batch of more than
 * {@code gatehouse.monitoring.telemetry.max-batch} items is 413. An accepted batch is on
 * {@code gatehouse.telemetry.v1} (acknowledged by the broker) when the answer, 202, comes.
 */
@RestController
@RequestMapping("/api/v1/telemetry")
public class TelemetryController {

  private final KafkaTemplate<String, byte[]> kafka;
  private final MonitoredVersions versions;
  private final MonitoringProperties props;
  private final Clock clock;
  private final MeterRegistry meters;

  public TelemetryController(KafkaTemplate<String, byte[]> gatehouseKafkaTemplate, MonitoredVersions versions,
      MonitoringProperties props, Clock clock, MeterRegistry meters) {
    this.kafka = gatehouseKafkaTemplate;
    this.versions = versions;
    this.props = props;
    this.clock = clock;
    this.meters = meters;
  }

  private record Item(InputType type, String model, byte[] json) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> accept(@RequestBody byte[] body) throws Exception {
    JsonNode root;
    try {
      root = EventJson.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
    } catch (JacksonException e) {
      return problem(HttpStatus.BAD_REQUEST, "telemetry-malformed", "Malformed telemetry batch",
          "The body is not valid JSON: " + e.getOriginalMessage(), List.of());
    }
    if (root == null || !root.isObject()) {
      return problem(HttpStatus.BAD_REQUEST, "telemetry-malformed", "Malformed telemetry batch",
          "The body must be an object with observations, labels and/or histograms", List.of());
    }
    for (String name : root.propertyNames()) {
      if (!List.of("observations", "labels", "histograms").contains(name)) {
        return problem(HttpStatus.BAD_REQUEST, "telemetry-malformed", "Malformed telemetry batch",
            "Unknown property " + name + "; a batch has observations, labels and histograms", List.of());
      }
    }
    int total = 0;
    for (String part : List.of("observations", "labels", "histograms")) {
      JsonNode n = root.path(part);
      if (!n.isMissingNode() && !n.isArray()) {
        return problem(HttpStatus.BAD_REQUEST, "telemetry-malformed", "Malformed telemetry batch", part + " must be an array",
            List.of());
      }
      total += n.size();
    }
    if (total == 0) {
      return problem(HttpStatus.UNPROCESSABLE_CONTENT, "telemetry-empty", "Empty telemetry batch",
          "The batch holds no observation, label or histogram", List.of());
    }
    if (total > props.getTelemetry().getMaxBatch()) {
      return problem(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Telemetry batch too large",
          "A batch may hold at most " + props.getTelemetry().getMaxBatch() + " items; this one holds " + total, List.of());
    }
    List<Item> items = new ArrayList<>();
    List<Map<String, String>> errors = new ArrayList<>();
    Map<String, String> knownVersions = new HashMap<>();
    check(root, "observations", InputType.OBSERVATION, b -> {
      var o = TelemetryParser.observation(b);
      return new String[] {o.modelName(), String.valueOf(o.version())};
    }, items, errors, knownVersions);
    check(root, "labels", InputType.LABEL, b -> {
      var l = TelemetryParser.label(b);
      return new String[] {l.modelName(), String.valueOf(l.version())};
    }, items, errors, knownVersions);
    check(root, "histograms", InputType.WINDOW_HISTOGRAM, b -> {
      var h = TelemetryParser.windowHistogram(b);
      // the bins are checked here too, so a mismatch is answered rather than dead-lettered later
      versions.find(h.modelName(), h.version()).ifPresent(row -> {
        for (var entry : h.features()) {
          row.profile().stream().filter(f -> f.feature().equals(entry.feature())).findFirst().ifPresent(f ->
              HistogramBins.onReferenceBins(io.gatehouse.monitoring.drift.domain.ReferenceHistogram.of(f.feature(),
                  f.kind(), f.binEdges(), f.categories(), f.counts()), entry));
        }
      });
      return new String[] {h.modelName(), String.valueOf(h.version())};
    }, items, errors, knownVersions);
    if (!errors.isEmpty()) {
      meters.counter("gatehouse.monitoring.rest.telemetry.refused").increment(errors.size());
      return problem(HttpStatus.UNPROCESSABLE_CONTENT, "telemetry-invalid", "Telemetry refused",
          errors.size() + " of " + total + " items cannot be used; nothing of the batch was accepted", errors);
    }
    String actor = ActingContext.current().map(Acting::actor).orElse("unknown");
    String now = clock.instant().toString();
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (Item item : items) {
      RecordHeaders h = new RecordHeaders();
      h.add("ce_specversion", bytes("1.0"));
      h.add("ce_id", bytes(UUID.randomUUID().toString()));
      h.add("ce_source", bytes("/gatehouse/monitoring/rest"));
      h.add("ce_type", bytes(item.type().type()));
      h.add("ce_time", bytes(now));
      h.add("ce_dataschema", bytes(item.type().dataSchema()));
      h.add("content-type", bytes("application/json"));
      h.add("gatehouse_actor", bytes(actor));
      sends.add(kafka.send(new ProducerRecord<>(EngineTopics.TELEMETRY, null, item.model(), item.json(), h)));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (CompletableFuture<?> f : sends) {
      f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    meters.counter("gatehouse.monitoring.rest.telemetry.accepted").increment(items.size());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accepted", items.size());
    answer.put("observations", root.path("observations").size());
    answer.put("labels", root.path("labels").size());
    answer.put("histograms", root.path("histograms").size());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
  }

  private void check(JsonNode root, String part, InputType type, Function<byte[], String[]> parse, List<Item> items,
      List<Map<String, String>> errors, Map<String, String> knownVersions) {
    JsonNode array = root.path(part);
    for (int i = 0; i < array.size(); i++) {
      byte[] json = EventJson.mapper().writeValueAsBytes(array.get(i));
      String where = part + "[" + i + "]";
      try {
        String[] mv = parse.apply(json);
        String problem = knownVersions.computeIfAbsent(mv[0] + "/" + mv[1], k -> versionProblem(mv[0],
            Integer.parseInt(mv[1])));
        if (!problem.isEmpty()) {
          errors.add(Map.of("item", where, "code", problem.substring(0, problem.indexOf(':')),
              "message", problem.substring(problem.indexOf(':') + 2)));
          continue;
        }
        items.add(new Item(type, mv[0], json));
      } catch (InvalidInput e) {
        errors.add(Map.of("item", where, "code", e.reason(), "message", e.getMessage()));
      }
    }
  }

  private String versionProblem(String model, int version) {
    var row = versions.find(model, version);
    if (row.isEmpty()) {
      return "unknown-model: Gatehouse knows no version " + version + " of model " + model;
    }
    if (row.get().profile().isEmpty()) {
      return "no-reference-profile: version " + version + " of " + model + " has no reference profile yet";
    }
    return "";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail,
      List<Map<String, String>> errors) {
    ProblemDetail p = ProblemDetailsAdvice.problem(status, code, title, detail);
    if (!errors.isEmpty()) {
      p.setProperty("errors", errors.size() > 100 ? errors.subList(0, 100) : errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
