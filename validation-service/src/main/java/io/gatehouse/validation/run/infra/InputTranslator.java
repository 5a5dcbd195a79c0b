package io.gatehouse.validation.run.infra;

import io.gatehouse.contracts.EventCatalog;
import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.kafka.ConsumedEvent;
import io.gatehouse.platform.kafka.EventConsumer;
import io.gatehouse.validation.gates.infra.PolicyInForce;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns consumed events into rows, in the consumer's transaction (so each takes effect once): a
 * submission is recorded and a run requested; a card update replaces the card and requests a run
 * (the card gates may now hold); evaluation data given after the submission replaces the reference
 * and requests a run; a published policy version is recorded. Which card sections are missing is
 * not decided here: a run counts them against its policy's tier ({@code PolicyGates#missingSections}). The evaluation itself
 * runs later, outside this transaction ({@link RunWorker}): a long evaluation must not hold the
 * consumer or an event-store transaction open.
 */
@Component
public class InputTranslator implements EventConsumer {

  private static final Set<String> ACCEPTED =
      EventCatalog.typesOf(ModelVersionSubmitted.class, ModelCardUpdated.class, ModelVersionEvaluationDataSet.class,
          PolicyPublished.class);

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
  public boolean accepts(String type) {
    return ACCEPTED.contains(type);
  }

  @Override
  public void consume(ConsumedEvent event) {
    if (event.payload() instanceof ModelVersionSubmitted s) {
      ModelCard card = s.modelCard();
      runs.saveSubmission(new Runs.Submission(s.modelName(), s.version(), s.riskTier(), s.evaluationData(),
          card, declared(card), s.submittedBy()));
      runs.request(runId(event.id()), s.modelName(), s.version(), "submitted", actor(), clock.instant());
      wakeWorkersAfterCommit();
    } else if (event.payload() instanceof ModelCardUpdated u) {
      if (runs.updateCard(u.modelName(), u.version(), u.modelCard(), declared(u.modelCard()))) {
        runs.request(runId(event.id()), u.modelName(), u.version(), "card-updated", actor(), clock.instant());
        wakeWorkersAfterCommit();
      }
    } else if (event.payload() instanceof ModelVersionEvaluationDataSet d) {
      if (runs.updateEvaluationData(d.modelName(), d.version(), d.evaluationData())) {
        runs.request(runId(event.id()), d.modelName(), d.version(), "evaluation-data-set", actor(), clock.instant());
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
