package io.gatehouse.audit.bench;

import io.gatehouse.contracts.GatehouseEvent;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.RecertificationDue;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.contracts.monitoring.DriftResolved;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.kafka.CloudEventHeaders;
import io.gatehouse.platform.kafka.CloudEventRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * A plausible governance history, deterministic for a seed: models registered, versions submitted,
 * gates passed (sometimes failed), six sign-offs, approval, phased promotion, sometimes drift,
 * suspension, recertification or break-glass. Each event is a CloudEvent record as services send it,
 * with its time in the history (not the wall clock).
 */
public final class HistoryGenerator {

  private static final List<String> GATES = List.of("auc", "calibration", "four-fifths", "equalized-odds",
      "card-complete");
  private static final String[][] SIGNERS = {{"erin", "ENGINEERING"}, {"pat", "PRODUCT"}, {"lee", "LEGAL"},
      {"eve", "ETHICS"}, {"riley", "MODEL_RISK"}, {"robin", "MODEL_RISK"}};
  private static final List<String> TIERS = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

  private final Random random;
  private Instant clock = Instant.parse("2026-01-05T08:00:00Z");

  public HistoryGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** Every record of a history of {@code count} events. */
  public static List<ProducerRecord<String, byte[]>> records(long seed, int count) {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>(count);
    HistoryGenerator g = new HistoryGenerator(seed);
    int model = 0;
    while (out.size() < count) {
      for (Timed t : g.history(model++)) {
        if (out.size() == count) {
          break;
        }
        out.add(t.record());
      }
    }
    return out;
  }

  /** An event, when it happened and who did it. */
  record Timed(GatehouseEvent event, Instant at, String actor) {
    ProducerRecord<String, byte[]> record() {
      ProducerRecord<String, byte[]> r = CloudEventRecords.toRecord(
          GenericEventMessage.asEventMessage(event).andMetaData(Map.of(Acting.ACTOR, actor)));
      r.headers().remove(CloudEventHeaders.TIME);
      r.headers().add(CloudEventHeaders.TIME, at.toString().getBytes(StandardCharsets.UTF_8));
      return r;
    }
  }

  private Instant tick(int minMinutes, int maxMinutes) {
    clock = clock.plus(Duration.ofMinutes(minMinutes + random.nextInt(maxMinutes - minMinutes + 1)));
    return clock;
  }

  List<Timed> history(int index) {
    List<Timed> out = new ArrayList<>();
    String model = "model-" + index;
    String tier = TIERS.get(random.nextInt(TIERS.size()));
    Instant start = clock;
    out.add(new Timed(new ModelRegistered(model, "Model " + index, "team-" + (index % 40), List.of(),
        new RiskProfile("credit", true, random.nextBoolean(), false, null), tier, "alice", start), start, "alice"));
    int versions = 1 + random.nextInt(2);
    for (int v = 1; v <= versions; v++) {
      Instant t = tick(1, 30);
      String sha = String.format("%064x", (long) index * 31 + v);
      String caseId = "case-" + model + "-" + v;
      out.add(new Timed(new ModelVersionSubmitted(model, v, new ArtifactRef("s3://models/" + model + "/" + v, sha,
          1 << 20), null, null, null, tier, "alice", List.of("alice", "bob"), t), t, "alice"));
      t = tick(0, 2);
      out.add(new Timed(new CaseOpened(caseId, model, v, sha, tier, "default", 1, GATES,
          List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("PRODUCT", 1),
              new RequiredSignOff("LEGAL", 1), new RequiredSignOff("ETHICS", 1), new RequiredSignOff("MODEL_RISK", 2)),
          "P180D", "alice", List.of("alice", "bob"), t), t, "service:approval-service"));
      for (String gate : GATES) {
        t = tick(1, 20);
        List<ObservedValue> observed = List.of(new ObservedValue("metrics." + gate, 0.7 + random.nextDouble() * 0.3));
        if (random.nextInt(20) == 0) {
          out.add(new Timed(new GateFailed("run-" + model + "-" + v, model, v, gate, gate + " >= 0.8", observed,
              "default", 1, "d".repeat(64), 5000, gate + " below threshold", t), t, "service:validation-service"));
          t = tick(60, 600);
        }
        out.add(new Timed(new GatePassed("run-" + model + "-" + v, model, v, gate, gate + " >= 0.8", observed,
            "default", 1, "d".repeat(64), 5000, t), t, "service:validation-service"));
      }
      if (random.nextInt(30) == 0) {
        t = tick(30, 300);
        out.add(new Timed(new BreakGlassApproved(caseId, model, v, sha, List.of("riley", "admin"),
            "incident", t.plus(Duration.ofDays(14)), t), t, "admin"));
      }
      List<Approver> approvers = new ArrayList<>();
      for (String[] s : SIGNERS) {
        t = tick(30, 24 * 60);
        out.add(new Timed(new SignOffRecorded(caseId, model, v, s[1], s[0], s[0], "APPROVE", "ok", t), t, s[0]));
        approvers.add(new Approver(s[1], s[0]));
      }
      Instant approvedAt = t;
      out.add(new Timed(new ModelApproved(caseId, model, v, sha, "default", 1, approvedAt.plus(Duration.ofDays(180)),
          approvers, approvedAt), approvedAt, "service:approval-service"));
      Integer demoted = v > 1 ? v - 1 : null;
      String[][] phases = {{"internal", "0"}, {"pilot", "5"}, {"general", "100"}};
      for (String[] p : phases) {
        t = tick(60, 48 * 60);
        out.add(new Timed(new ModelPromoted(caseId, model, v, sha, "production", p[0], Integer.parseInt(p[1]),
            p[0].equals("general") ? demoted : null, "platform", t), t, "platform"));
      }
      if (random.nextInt(8) == 0) {
        t = tick(60, 7 * 24 * 60);
        String signal = "drift-" + model + "-" + v;
        out.add(new Timed(new DriftDetected(signal, model, v, "amount", "PSI", 0.31, 0.25, "ACT", t.minusSeconds(3600),
            t, 5000, "gatehouse", t), t, "service:monitoring-service"));
        t = tick(0, 5);
        out.add(new Timed(new ApprovalSuspended(caseId, model, v, "drift", signal, "service:approval-service", t), t,
            "service:approval-service"));
        if (random.nextBoolean()) {
          t = tick(60, 3 * 24 * 60);
          out.add(new Timed(new DriftResolved(signal, model, v, "amount", "PSI", 0.08, 0.25, t.minusSeconds(3600), t, t),
              t, "service:monitoring-service"));
        }
      }
      if (random.nextInt(5) == 0) {
        Instant due = approvedAt.plus(Duration.ofDays(150));
        out.add(new Timed(new RecertificationDue(caseId, model, v, approvedAt.plus(Duration.ofDays(180)), due), due,
            "service:approval-service"));
      }
    }
    clock = start.plus(Duration.ofMinutes(7 + random.nextInt(20)));
    return out;
  }
}
