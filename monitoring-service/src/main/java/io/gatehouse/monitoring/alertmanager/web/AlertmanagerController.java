package io.gatehouse.monitoring.alertmanager.web;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.monitoring.alertmanager.domain.AlertMapping;
import io.gatehouse.monitoring.alertmanager.domain.AlertSignal;
import io.gatehouse.monitoring.alertmanager.domain.AlertmanagerPayload;
import io.gatehouse.monitoring.drift.infra.EngineTopics;
import io.gatehouse.monitoring.monitoredversion.api.RecordDriftSignal;
import io.gatehouse.monitoring.monitoredversion.api.RecordPerformanceSignal;
import io.gatehouse.monitoring.monitoredversion.domain.MonitoredVersionIds;
import io.gatehouse.monitoring.monitoredversion.infra.MonitoredVersions;
import io.gatehouse.monitoring.telemetry.infra.InputDeadLetters;
import io.gatehouse.platform.web.ProblemDetailsAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/**
 * Alertmanager's webhook receiver ({@code webhook_configs: [{url: .../api/v1/alertmanager/webhook}]},
 * with a bearer token of a PLATFORM or SERVICE client in {@code http_config}). Every alert of the
 * notification is read on its own (grouped alerts unpacked): one about a known model version becomes
 * a drift or performance signal on it (firing and resolved), one not about a model version is
 * ignored, and one that cannot be used goes to {@code gatehouse.drift-signals.v1.dlq} with its
 * reason. The answer is 200 with what became of each alert (Alertmanager only looks at the status);
 * a payload that is not a version 4 notification is 400 and dead-lettered whole.
 */
@RestController
@RequestMapping("/api/v1/alertmanager")
public class AlertmanagerController {

  static final String INPUT = "alertmanager-webhook";

  private final CommandGateway commands;
  private final MonitoredVersions versions;
  private final InputDeadLetters deadLetters;
  private final Clock clock;
  private final MeterRegistry meters;

  public AlertmanagerController(CommandGateway commands, MonitoredVersions versions, InputDeadLetters deadLetters,
      Clock clock, MeterRegistry meters) {
    this.commands = commands;
    this.versions = versions;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.meters = meters;
  }

  @PostMapping(path = "/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> webhook(@RequestBody byte[] body) {
    AlertmanagerPayload payload;
    try {
      payload = EventJson.mapper().readValue(body, AlertmanagerPayload.class);
    } catch (JacksonException e) {
      return refuse(body, "bad-payload", "not an Alertmanager notification: " + e.getOriginalMessage());
    }
    if (payload == null || !"4".equals(payload.version()) || payload.alerts() == null) {
      return refuse(body, "bad-payload", "expected an Alertmanager webhook notification of version 4 with alerts, got version "
          + (payload == null ? null : payload.version()));
    }
    Instant now = clock.instant();
    List<Map<String, Object>> outcomes = new ArrayList<>();
    for (AlertSignal s : AlertMapping.map(payload, now)) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("index", s.index());
      o.put("fingerprint", s.fingerprint());
      String outcome;
      if (s instanceof AlertSignal.NotOurs) {
        outcome = "ignored";
        o.put("detail", "no model and version labels");
      } else if (s instanceof AlertSignal.Unusable u) {
        outcome = "dead-lettered";
        deadLetter(payload.alerts().get(s.index()), u.modelName(), u.reason(), u.message());
        o.put("reason", u.reason());
        o.put("detail", u.message());
      } else if (s instanceof AlertSignal.Drift d && known(d.signal().modelName(), d.signal().version(), payload, d, o)) {
        commands.sendAndWait(new RecordDriftSignal(MonitoredVersionIds.of(d.signal().modelName(), d.signal().version()),
            d.signal(), now));
        outcome = d.signal().firing() ? "drift-firing" : "drift-resolved";
        o.put("signalId", d.signal().signalId());
      } else if (s instanceof AlertSignal.Performance p && known(p.modelName(), p.version(), payload, p, o)) {
        commands.sendAndWait(new RecordPerformanceSignal(MonitoredVersionIds.of(p.modelName(), p.version()),
            p.modelName(), p.version(), p.signalId(), p.firing(), p.metric(), p.observed(), p.expected(), p.tolerance(),
            p.windowStart(), p.windowEnd(), p.sampleSize(), now));
        outcome = p.firing() ? "performance-firing" : "performance-resolved";
        o.put("signalId", p.signalId());
      } else {
        outcome = "dead-lettered";
      }
      o.put("outcome", outcome);
      meters.counter("gatehouse.monitoring.alerts", "outcome", outcome).increment();
      outcomes.add(o);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("received", outcomes.size());
    answer.put("alerts", outcomes);
    return ResponseEntity.ok(answer);
  }

  private boolean known(String model, int version, AlertmanagerPayload payload, AlertSignal s, Map<String, Object> o) {
    if (versions.exists(model, version)) {
      return true;
    }
    String message = "Gatehouse knows no version " + version + " of model " + model;
    deadLetter(payload.alerts().get(s.index()), model, "unknown-model", message);
    o.put("reason", "unknown-model");
    o.put("detail", message);
    return false;
  }

  private void deadLetter(AlertmanagerPayload.Alert alert, String model, String reason, String message) {
    deadLetters.send(EngineTopics.DRIFT_SIGNALS_DLQ, model, EventJson.mapper().writeValueAsBytes(alert), INPUT, reason,
        message);
  }

  private ResponseEntity<ProblemDetail> refuse(byte[] body, String reason, String message) {
    deadLetters.send(EngineTopics.DRIFT_SIGNALS_DLQ, null, body, INPUT, reason, message);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "alertmanager-payload-malformed",
            "Not an Alertmanager notification", message));
  }
}
