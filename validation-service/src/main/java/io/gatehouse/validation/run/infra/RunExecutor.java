package io.gatehouse.validation.run.infra;

import io.gatehouse.contracts.registry.ColumnMapping;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.platform.context.Acting;
import io.gatehouse.platform.context.ActingContext;
import io.gatehouse.platform.context.Traceparent;
import io.gatehouse.validation.ValidationProperties;
import io.gatehouse.validation.evaluation.domain.DataEvaluation;
import io.gatehouse.validation.evaluation.domain.EvaluationFailure;
import io.gatehouse.validation.evaluation.domain.EvaluationOptions;
import io.gatehouse.validation.evaluation.domain.Mapping;
import io.gatehouse.validation.evaluation.domain.Report;
import io.gatehouse.validation.evaluation.infra.DataFetcher;
import io.gatehouse.validation.gates.domain.GatedReport;
import io.gatehouse.validation.gates.domain.PolicyGates;
import io.gatehouse.validation.gates.infra.PolicyInForce;
import io.gatehouse.validation.run.api.CompleteValidation;
import io.gatehouse.validation.run.api.StartValidation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes one claimed run in three steps: (1) in a short transaction, ValidationStarted under the
 * policy version in force (recorded on the run, so a run taken over after a crash keeps it);
 * (2) outside any transaction, fetch and evaluate the data, and evaluate the gates; (3) in a short
 * transaction, store the canonical report and record every gate result and ValidationCompleted.
 * Anything that keeps the data from being evaluated (not found, digest mismatch, malformed) fails
 * every gate with the reason; nothing is left without an outcome.
 */
@Component
public class RunExecutor {

  /** The digest of no bytes: the data digest of a version submitted without evaluation data. */
  public static final String NO_DATA_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** A run taken over this many times (its worker died each time) completes with every gate failed. */
  static final int MAX_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

  private final Runs runs;
  private final PolicyInForce policies;
  private final DataFetcher fetcher;
  private final ValidationProperties properties;
  private final CommandGateway commands;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public RunExecutor(Runs runs, PolicyInForce policies, DataFetcher fetcher, ValidationProperties properties,
      CommandGateway commands, TransactionTemplate transactions, Clock clock) {
    this.runs = runs;
    this.policies = policies;
    this.fetcher = fetcher;
    this.properties = properties;
    this.commands = commands;
    this.transactions = transactions;
    this.clock = clock;
  }

  public void execute(Runs.Run run) {
    Acting acting = new Acting(run.requestedBy(), null, Traceparent.newRoot(), null);
    try (ActingContext.Scope ignored = ActingContext.open(acting)) {
      executeAs(run);
    }
  }

  private void executeAs(Runs.Run run) {
    Runs.Submission s = runs.submission(run.modelName(), run.version()).orElseThrow(() -> new IllegalStateException(
        "run " + run.runId() + " is for " + run.modelName() + " version " + run.version() + ", which is not known"));
    EvaluationDataRef data = s.evaluationData();
    String declaredSha = data == null ? NO_DATA_SHA256 : data.sha256();
    PolicyGates policy;
    if (run.started()) {
      policy = policies.version(run.policyName(), run.policyVersion());
    } else {
      PolicyGates current = policies.current();
      policy = current;
      transactions.executeWithoutResult(status -> {
        commands.sendAndWait(new StartValidation(run.runId(), run.modelName(), run.version(), current.name(),
            current.version(), declaredSha, run.requestedBy()));
        runs.markStarted(run.runId(), current.name(), current.version(), s.riskTier());
      });
    }
    EvaluationOptions options = properties.options();
    DataEvaluation.Outcome outcome = run.attempts() > MAX_ATTEMPTS
        ? failed(data, null, options, "evaluation-abandoned", "the evaluation did not finish in " + MAX_ATTEMPTS
            + " attempts (each worker stopped before completing it); the data is not evaluated")
        : evaluate(data, options);
    Map<String, Object> card = new TreeMap<>();
    card.put("present", s.cardPresent());
    card.put("missing_sections", policy.missingSections(s.modelCard(), s.riskTier()));
    Map<String, Object> declared = new TreeMap<>();
    declared.put("risk_tier", s.riskTier());
    declared.put("metrics", new TreeMap<String, Object>(s.declaredMetrics()));
    GatedReport report = GatedReport.of(outcome, policy, s.riskTier(), card, declared);
    String dataSha = outcome.sha256() != null ? outcome.sha256() : declaredSha;
    List<CompleteValidation.GateOutcome> gates = report.gates().stream().map(g -> new CompleteValidation.GateOutcome(
        g.id(), g.expression(), g.passed(),
        g.observed().stream().map(o -> new ObservedValue(o.name(), o.value())).toList(), g.reason())).toList();
    List<FeatureHistogram> profile = Report.profile(report.report()).stream().map(h -> new FeatureHistogram(
        h.feature(), h.kind(), h.binEdges(), h.categories(), h.counts())).toList();
    String uri = properties.getPublicBaseUrl().replaceAll("/+$", "") + "/api/v1/runs/" + run.runId() + "/report";
    int passed = (int) gates.stream().filter(CompleteValidation.GateOutcome::passed).count();
    transactions.executeWithoutResult(status -> {
      runs.complete(run.runId(), report.bytes(), report.sha256(), dataSha, outcome.rows(), passed,
          gates.size() - passed, clock.instant());
      commands.sendAndWait(new CompleteValidation(run.runId(), gates, uri, report.sha256(), profile, dataSha,
          outcome.rows()));
    });
    log.info("Validation run {} of {} version {}: {} of {} gates passed, report sha256 {}", run.runId(),
        run.modelName(), run.version(), passed, gates.size(), report.sha256());
  }

  private DataEvaluation.Outcome evaluate(EvaluationDataRef data, EvaluationOptions options) {
    if (data == null) {
      return failed(null, null, options, "no-evaluation-data",
          "no evaluation data was submitted with this version: nothing to compute metrics from");
    }
    Mapping mapping;
    try {
      ColumnMapping c = data.columns();
      if (c == null) {
        throw new Mapping.InvalidMapping("the evaluation data has no column mapping");
      }
      mapping = Mapping.parse(c.label(), c.prediction(), c.score(), c.groups(), c.features(), Mapping.DEFAULT_THRESHOLD);
    } catch (EvaluationFailure e) {
      return failed(data, null, options, e.code(), e.getMessage());
    }
    try (InputStream in = fetcher.open(data.uri())) {
      return DataEvaluation.evaluate(in, data.format(), data.sha256(), mapping, options, properties.getMaxDataBytes());
    } catch (DataFetcher.FetchFailure e) {
      return failed(data, mapping, options, e.code(), e.getMessage());
    } catch (IOException e) {
      return failed(data, mapping, options, "data-unreadable", "reading the evaluation data failed: " + e.getMessage());
    }
  }

  private static DataEvaluation.Outcome failed(EvaluationDataRef data, Mapping mapping, EvaluationOptions options,
      String code, String message) {
    Report.Data d = new Report.Data(data == null ? null : data.format(), data == null ? null : data.sha256(), null, 0);
    return new DataEvaluation.Outcome(Report.failed(d, mapping, options, code, message), null, 0, code, message);
  }
}
