package io.gatehouse.validation.run.infra;

import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import io.gatehouse.validation.gates.infra.PolicyInForce;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns consumed events into rows, in the consumer's transaction (so each takes effect once): a
 * submission is recorded and a run requested; a card update replaces the card facts and requests a
 * run (the card gates may now hold); a published policy version is recorded. The evaluation itself
 * runs later, outside this transaction ({@link RunWorker}): a long evaluation must not hold the
 * consumer or an event-store transaction open.
 */
@Component
public class InputTranslator implements EventConsumer {

  /** {@code name: 0.87} or {@code name = 0.87} in the card's metrics section. */
  private static final Pattern DECLARED = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*[:=]\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");

  private final Runs runs;
  private final PolicyInForce policies;
  private final Clock clock;
  private final RunWorker worker;

  public InputTranslator(Runs runs, PolicyInForce policies, Clock clock, RunWorker worker) {
    this.runs = runs;
    this.policies = policies;
    this.clock = clock;
    this.worker = worker;
  }

  /** Wakes the workers once the request is committed, instead of at their next poll. */
  private void wakeWorkersAfterCommit() {
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCommit() {
              worker.wakeUp();
            }
          });
    }
  }

  @Override
  public void consume(ConsumedEvent event) {
    if (event.payload() instanceof ModelVersionSubmitted s) {
      ModelCard card = s.modelCard();
      runs.saveSubmission(new Runs.Submission(s.modelName(), s.version(), s.riskTier(), s.evaluationData(),
          card != null, missingSections(card), declared(card), s.submittedBy()));
      runs.request(runId(event.id()), s.modelName(), s.version(), "submitted", actor(), clock.instant());
      wakeWorkersAfterCommit();
    } else if (event.payload() instanceof ModelCardUpdated u) {
      if (runs.updateCard(u.modelName(), u.version(), u.missingSections(), declared(u.modelCard()))) {
        runs.request(runId(event.id()), u.modelName(), u.version(), "card-updated", actor(), clock.instant());
        wakeWorkersAfterCommit();
      }
    } else if (event.payload() instanceof PolicyPublished p) {
      policies.record(p);
    }
  }

  private static String actor() {
    return ActingContext.current().map(a -> a.actor()).orElse("service:validation-service");
  }

  /** The same event always requests the same run. */
  static String runId(String eventId) {
    return "run-" + UUID.nameUUIDFromBytes(("validation-run:" + eventId).getBytes(StandardCharsets.UTF_8));
  }

  /** The card's sections that are null or blank (no card: every section). */
  static List<String> missingSections(ModelCard c) {
    List<String> missing = new ArrayList<>();
    if (c == null) {
      return List.of("intendedUse", "outOfScopeUse", "usersAffected", "trainingData", "evaluationData", "metrics",
          "fairnessConsiderations", "limitations", "ethicalConsiderations", "owners");
    }
    check(missing, "intendedUse", c.intendedUse());
    check(missing, "outOfScopeUse", c.outOfScopeUse());
    check(missing, "usersAffected", c.usersAffected());
    check(missing, "trainingData", c.trainingData());
    check(missing, "evaluationData", c.evaluationData());
    if ((c.metrics() == null || c.metrics().isBlank()) && c.declaredMetrics().isEmpty()) {
      missing.add("metrics"); // as registry-service counts it: text or a declared metric
    }
    check(missing, "fairnessConsiderations", c.fairnessConsiderations());
    check(missing, "limitations", c.limitations());
    check(missing, "ethicalConsiderations", c.ethicalConsiderations());
    if (c.owners().stream().allMatch(o -> o == null || o.isBlank())) {
      missing.add("owners");
    }
    return missing;
  }

  private static void check(List<String> missing, String name, String value) {
    if (value == null || value.isBlank()) {
      missing.add(name);
    }
  }

  /**
   * The figures the card declares, by metric: its declared metrics (by {@code type}, else
   * {@code name}; the first of a type counts), then any {@code name: number} or {@code name = number}
   * in its metrics text ({@code roc_auc: 0.91, ece = 0.02}) not declared already.
   */
  static Map<String, Double> declared(ModelCard c) {
    Map<String, Double> out = new TreeMap<>();
    if (c == null) {
      return out;
    }
    for (io.gatehouse.contracts.registry.DeclaredMetric d : c.declaredMetrics()) {
      String key = d.type() != null && !d.type().isBlank() ? d.type() : d.name();
      if (key != null && !key.isBlank() && Double.isFinite(d.value())) {
        out.putIfAbsent(key.trim(), d.value());
      }
    }
    if (c.metrics() == null) {
      return out;
    }
    Matcher m = DECLARED.matcher(c.metrics());
    while (m.find()) {
      double v = Double.parseDouble(m.group(2));
      if (Double.isFinite(v)) {
        out.putIfAbsent(m.group(1), v);
      }
    }
    return out;
  }
}
