package io.gatehouse.monitoring.monitoredversion.web;

import io.gatehouse.contracts.EventJson;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.monitoring.drift.domain.InvalidReference;
import io.gatehouse.monitoring.drift.domain.ReferenceHistogram;
import io.gatehouse.monitoring.drift.domain.ReferenceProfile;
import io.gatehouse.monitoring.drift.domain.WindowSpec;
import io.gatehouse.monitoring.drift.infra.DriftEngine;
import io.gatehouse.monitoring.drift.infra.VersionConfig;
import io.gatehouse.monitoring.monitoredversion.api.SetReferenceProfile;
import io.gatehouse.monitoring.monitoredversion.domain.MonitoredVersionIds;
import io.gatehouse.monitoring.monitoredversion.infra.MonitoredVersions;
import io.gatehouse.monitoring.policy.infra.DriftLevels;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.rules.RuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A version's reference profile (replaceable by an upload; validation's {@code ValidationCompleted}
 * sets it too, the later one wins) and what monitoring knows and has seen of the version.
 */
@RestController
@RequestMapping("/api/v1/models/{model}/versions/{version}")
public class MonitoredVersionController {

  /** An uploaded reference profile: one histogram per feature, the shape of validation's. */
  public record ProfileUpload(@NotNull @Size(min = 1, max = ReferenceProfile.MAX_FEATURES) List<@Valid @NotNull FeatureHistogram> features) {}

  private final CommandGateway commands;
  private final MonitoredVersions versions;
  private final DriftLevels levels;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<DriftEngine> engine;

  public MonitoredVersionController(CommandGateway commands, MonitoredVersions versions, DriftLevels levels,
      JdbcTemplate jdbc, Clock clock, org.springframework.beans.factory.ObjectProvider<DriftEngine> engine) {
    this.commands = commands;
    this.versions = versions;
    this.levels = levels;
    this.jdbc = jdbc;
    this.clock = clock;
    this.engine = engine;
  }

  @PutMapping("/reference-profile")
  public ResponseEntity<Map<String, Object>> upload(@PathVariable String model, @PathVariable int version,
      @Valid @RequestBody ProfileUpload body) {
    if (!versions.exists(model, version)) {
      throw Refusal.unknown(model, version);
    }
    try {
      List<ReferenceHistogram> hs = new ArrayList<>();
      for (FeatureHistogram h : body.features()) {
        hs.add(ReferenceHistogram.of(h.feature(), h.kind(), h.binEdges(), h.categories(), h.counts()));
      }
      new ReferenceProfile(hs);
    } catch (InvalidReference e) {
      throw new Refusal("reference-profile-invalid", RuleViolation.Kind.INVALID, e.getMessage());
    }
    String actor = ActingContext.current().map(Acting::actor).orElse("unknown");
    commands.sendAndWait(new SetReferenceProfile(MonitoredVersionIds.of(model, version), model, version,
        body.features(), "upload", actor, clock.instant()));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("model", model);
    answer.put("version", version);
    answer.put("features", body.features().size());
    answer.put("source", "upload");
    answer.put("setBy", actor);
    return ResponseEntity.ok(answer);
  }

  @GetMapping("/monitoring")
  public Map<String, Object> view(@PathVariable String model, @PathVariable int version,
      @RequestParam(defaultValue = "20") int windows) {
    MonitoredVersions.Row row = versions.find(model, version).orElseThrow(() -> Refusal.unknown(model, version));
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("model", model);
    v.put("version", version);
    v.put("riskTier", row.riskTier());
    v.put("policy", row.policyName() == null ? null : row.policyName() + " v" + row.policyVersion());
    v.put("driftLevels", levels.of(row.policyName(), row.policyVersion(), row.riskTier()).byStatistic());
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("source", row.profileSource());
    profile.put("setBy", row.profileSetBy());
    profile.put("setAt", row.profileSetAt());
    profile.put("features", row.profile());
    v.put("referenceProfile", profile);
    v.put("validationFigures", row.baseline());
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("revision", row.revision());
    DriftEngine running = engine.getIfAvailable();
    VersionConfig held = running == null ? null : running.held(model, version);
    e.put("engineRevision", held == null ? -1 : held.revision());
    e.put("engineUpToDate", held != null && held.revision() == row.revision());
    if (held != null) {
      WindowSpec w = running.windowOf(held);
      Map<String, Object> window = new LinkedHashMap<>();
      window.put("duration", w.duration() == null ? null : w.duration().toString());
      window.put("observations", w.observations());
      window.put("grace", w.grace().toString());
      window.put("sizeFrom", held.window() == null ? "configuration" : "policy");
      e.put("window", window);
    }
    v.put("settings", e);
    List<JsonNode> recent = jdbc.query("SELECT result FROM window_result WHERE model_name = ? AND version = ? "
        + "ORDER BY closed_at DESC, result_id DESC LIMIT ?", (rs, i) -> EventJson.mapper().readTree(rs.getString(1)),
        model, version, Math.max(1, Math.min(windows, 200)));
    v.put("recentWindows", recent);
    return v;
  }

  /** A refusal of this controller. */
  static final class Refusal extends RuleViolation {
    Refusal(String code, Kind kind, String message) {
      super(code, kind, message);
    }

    static Refusal unknown(String model, int version) {
      return new Refusal("model-version-unknown", Kind.NOT_FOUND, "Monitoring knows no version " + version + " of "
          + model + " (it learns of a version when it is submitted).");
    }
  }
}
