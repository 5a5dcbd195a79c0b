package io.gatehouse.audit.governance.web;

import io.gatehouse.audit.auditlog.infra.AuditLogProofs;
import io.gatehouse.audit.auditlog.infra.AuditLogStore;
import io.gatehouse.audit.auditlog.infra.CheckpointSigner;
import io.gatehouse.audit.auditlog.infra.LogRefused;
import io.gatehouse.audit.governance.domain.ModelState;
import io.gatehouse.audit.governance.infra.ModelHistory;
import io.gatehouse.contracts.EventJson;
import io.gatehouse.platform.rules.RuleViolation.Kind;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The evidence pack of a model version: its submission (artifact, card, lineage, evaluation data),
 * card updates, evaluation data and lineage given after the submission ({@code evidenceUpdates}; the
 * ones in force are in {@code state}), validation report reference, gate results, sign-offs with identities and comments,
 * promotions, drift history, and every audit entry of the version with its inclusion proof against
 * one signed checkpoint (signed now if the log grew since the last), plus the key to verify it with.
 * As JSON, and as a printable HTML page.
 */
@RestController
@RequestMapping("/api/v1/evidence/{model}/versions/{version}")
@Validated
public class EvidenceController {

  /** Most entries one pack carries. */
  static final int MAX_ENTRIES = 10_000;

  private final JdbcTemplate jdbc;
  private final ModelHistory history;
  private final AuditLogProofs proofs;
  private final AuditLogStore store;
  private final CheckpointSigner signer;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  public EvidenceController(JdbcTemplate jdbc, ModelHistory history, AuditLogProofs proofs, AuditLogStore store,
      CheckpointSigner signer, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.history = history;
    this.proofs = proofs;
    this.store = store;
    this.signer = signer;
    this.transactions = transactions;
  }

  /** One audit entry with its proof. */
  public record ProvenEntry(long leafIndex, String id, String type, Instant time, String actor, JsonNode data,
      String leaf, String leafHash, List<String> inclusionProof) {}

  /** Evaluation data or lineage given after the submission: the event type's short name and its data. */
  public record EvidenceUpdate(String type, JsonNode data) {}

  private static final Map<String, String> EVIDENCE_TYPES = Map.of(
      "io.gatehouse.registry.ModelVersionEvaluationDataSet.v1", "evaluation data",
      "io.gatehouse.registry.ModelVersionLineageSet.v1", "lineage");

  /** The pack. */
  public record EvidencePack(String model, int version, Instant generatedAt, String tier, JsonNode submission,
      List<JsonNode> cardUpdates, List<EvidenceUpdate> evidenceUpdates, String validationReportUri, String validationReportSha256,
      ModelState.VersionState state, long checkpointTreeSize, String checkpoint, String verifierKey,
      List<ProvenEntry> entries) {}

  @GetMapping
  public EvidencePack pack(@PathVariable @Size(min = 1, max = 256) String model, @PathVariable @Min(1) int version) {
    Instant now = clock.instant();
    ModelState state = history.stateAt(model, Instant.parse("9999-12-31T23:59:59Z"));
    if (state == null || !state.versions.containsKey(version)) {
      throw new LogRefused("unknown-version", Kind.NOT_FOUND, "The audit log has no version " + version + " of model "
          + model + ".");
    }
    transactions.executeWithoutResult(s -> store.checkpointNow());
    AuditLogProofs.StoredCheckpoint cp = proofs.latestCheckpoint().orElseThrow();
    List<ProvenEntry> entries = new ArrayList<>();
    JsonNode[] submission = {null};
    List<JsonNode> cards = new ArrayList<>();
    List<EvidenceUpdate> evidence = new ArrayList<>();
    jdbc.query("""
        SELECT leaf_index, event_type, entry, leaf_hash FROM audit_entry
        WHERE model_name = ? AND (model_version = ? OR model_version IS NULL) AND leaf_index < ?
        ORDER BY leaf_index LIMIT ?""", rs -> {
      long index = rs.getLong(1);
      byte[] leaf = rs.getBytes(3);
      JsonNode event = EventJson.mapper().readTree(leaf);
      if (rs.getString(2).equals("io.gatehouse.registry.ModelVersionSubmitted.v1")) {
        submission[0] = event.get("data");
      } else if (rs.getString(2).equals("io.gatehouse.registry.ModelCardUpdated.v1")) {
        cards.add(event.get("data"));
      } else if (EVIDENCE_TYPES.containsKey(rs.getString(2))) {
        evidence.add(new EvidenceUpdate(EVIDENCE_TYPES.get(rs.getString(2)), event.get("data")));
      }
      List<String> proof = proofs.inclusion(index, cp.treeSize()).proof().stream()
          .map(h -> Base64.getEncoder().encodeToString(h)).toList();
      entries.add(new ProvenEntry(index, event.path("id").asString(), event.path("type").asString(),
          Instant.parse(event.path("time").asString()), event.has("actor") ? event.get("actor").asString() : null,
          event.get("data"), Base64.getEncoder().encodeToString(leaf),
          Base64.getEncoder().encodeToString(rs.getBytes(4)), proof));
    }, model, version, cp.treeSize(), MAX_ENTRIES);
    ModelState.VersionState v = state.versions.get(version);
    return new EvidencePack(model, version, now, state.tier, submission[0], cards, evidence, v.reportUri, v.reportSha256, v,
        cp.treeSize(), cp.note(), signer.verifierKey().encode(), entries);
  }

  /** The same pack as a printable HTML page. */
  @GetMapping(value = "/print", produces = MediaType.TEXT_HTML_VALUE)
  public String print(@PathVariable @Size(min = 1, max = 256) String model, @PathVariable @Min(1) int version) {
    EvidencePack p = pack(model, version);
    ModelState.VersionState v = p.state();
    StringBuilder h = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Evidence pack</title><style>
        body{font-family:system-ui,sans-serif;margin:2em;color:#111}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
        table{border-collapse:collapse;width:100%;font-size:.85em}td,th{border:1px solid #bbb;padding:.25em .4em;text-align:left;vertical-align:top}
        code,pre{font-size:.75em;word-break:break-all;white-space:pre-wrap}@media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
        </style></head><body>""");
    h.append("<h1 id=\"title\">Evidence pack: ").append(e(p.model())).append(" version ").append(p.version())
        .append("</h1><p>Generated ").append(p.generatedAt()).append(" from the audit log. Risk tier <b>")
        .append(e(p.tier())).append("</b>, case status <b id=\"status\">").append(e(v.status)).append("</b>")
        .append(v.approvedAt != null ? ", approved " + v.approvedAt + " until " + v.validUntil : "")
        .append(v.breakGlass ? ", <b>break-glass</b> (review due " + v.breakGlassReviewDueBy + ")" : "")
        .append(v.suspended ? ", <b>suspended</b>: " + e(v.suspendedReason) : "").append(".</p>");
    h.append("<h2>Submission (artifact, model card, lineage, evaluation data)</h2><pre id=\"submission\">")
        .append(e(p.submission() == null ? "not in the log" : p.submission().toPrettyString())).append("</pre>");
    if (!p.evidenceUpdates().isEmpty()) {
      h.append("<h2>Evaluation data and lineage given after the submission</h2><table id=\"evidence\"><tr><th>what</th>"
          + "<th>given by</th><th>at</th><th>value</th></tr>");
      p.evidenceUpdates().forEach(u -> h.append("<tr><td>").append(e(u.type())).append("</td><td>")
          .append(e(u.data().path("setBy").asString())).append("</td><td>").append(e(u.data().path("setAt").asString()))
          .append("</td><td><pre>").append(e(u.data().path(u.type().equals("lineage") ? "lineage" : "evaluationData")
              .toPrettyString())).append("</pre></td></tr>"));
      h.append("</table><p>In force: evaluation data <code id=\"evaluation-data\">")
          .append(e(v.evaluationData == null ? "none" : v.evaluationData.uri() + " (sha256 " + v.evaluationData.sha256()
              + ")")).append("</code>, lineage <code id=\"lineage\">").append(e(v.lineage == null ? "none"
              : v.lineage.codeRepository() + " @ " + v.lineage.codeCommit())).append("</code>.</p>");
    }
    h.append("<p>Validation report: ").append(e(p.validationReportUri() == null ? "none logged"
        : p.validationReportUri() + " (sha256 " + p.validationReportSha256() + ")"))
        .append(". Policy ").append(e(v.policyName)).append(" version ").append(v.policyVersion).append(".</p>");
    h.append("<h2>Gate results</h2><table id=\"gates\"><tr><th>gate</th><th>outcome</th><th>expression</th>"
        + "<th>data sha256</th><th>failures</th><th>at</th></tr>");
    v.gates.forEach((id, g) -> h.append("<tr><td>").append(e(id)).append("</td><td>").append(e(g.outcome))
        .append("</td><td>").append(e(g.expression)).append("</td><td><code>").append(e(g.dataSha256))
        .append("</code></td><td>").append(g.failures).append("</td><td>").append(g.at).append("</td></tr>"));
    h.append("</table><h2>Sign-offs</h2><table id=\"signoffs\"><tr><th>role</th><th>signer</th><th>decision</th>"
        + "<th>comment</th><th>at</th><th>counts</th></tr>");
    v.signOffs.forEach(s -> h.append("<tr><td>").append(e(s.role)).append("</td><td>").append(e(s.signer))
        .append(s.signerName == null ? "" : " (" + e(s.signerName) + ")").append("</td><td>").append(e(s.decision))
        .append("</td><td>").append(e(s.comment)).append("</td><td>").append(s.at).append("</td><td>")
        .append(s.voided ? "voided" : "yes").append("</td></tr>"));
    h.append("</table><h2>Promotions</h2><table id=\"promotions\"><tr><th>stage</th><th>phase</th><th>traffic</th>"
        + "<th>by</th><th>at</th></tr>");
    v.promotions.forEach(pr -> h.append("<tr><td>").append(e(pr.stage)).append("</td><td>").append(e(pr.phase))
        .append("</td><td>").append(pr.trafficPercent).append(" %</td><td>").append(e(pr.by)).append("</td><td>")
        .append(pr.at).append("</td></tr>"));
    h.append("</table><h2>Drift</h2><table id=\"drift\"><tr><th>signal</th><th>feature</th><th>statistic</th>"
        + "<th>value</th><th>severity</th><th>detected</th><th>resolved</th></tr>");
    v.drift.values().forEach(d -> h.append("<tr><td>").append(e(d.signalId)).append("</td><td>").append(e(d.feature))
        .append("</td><td>").append(e(d.statistic)).append("</td><td>").append(d.value).append("</td><td>")
        .append(e(d.severity)).append("</td><td>").append(d.detectedAt).append("</td><td>")
        .append(d.resolvedAt == null ? "open" : d.resolvedAt.toString()).append("</td></tr>"));
    h.append("</table><h2>Audit entries, each with its inclusion proof in the tree of ").append(p.checkpointTreeSize())
        .append(" entries</h2><table id=\"entries\"><tr><th>#</th><th>type</th><th>time</th><th>actor</th>"
            + "<th>leaf hash</th><th>proof</th></tr>");
    p.entries().forEach(en -> h.append("<tr><td>").append(en.leafIndex()).append("</td><td>").append(e(en.type()))
        .append("</td><td>").append(en.time()).append("</td><td>").append(e(en.actor())).append("</td><td><code>")
        .append(e(en.leafHash())).append("</code></td><td><code>").append(e(String.join(" ", en.inclusionProof())))
        .append("</code></td></tr>"));
    h.append("</table><h2>Signed checkpoint</h2><pre id=\"checkpoint\">").append(e(p.checkpoint()))
        .append("</pre><p>Verifier key: <code id=\"key\">").append(e(p.verifierKey()))
        .append("</code>. Verify offline with <code>./gatehouse-verify</code> (see audit-projection/README.md).</p>")
        .append("</body></html>");
    return h.toString();
  }

  private static String e(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
