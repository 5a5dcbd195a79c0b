package io.gatehouse.contracts;

import io.gatehouse.contracts.approval.ApprovalExpired;
import io.gatehouse.contracts.approval.ApprovalSuspended;
import io.gatehouse.contracts.approval.CaseReopened;
import io.gatehouse.contracts.approval.CaseWithdrawn;
import io.gatehouse.contracts.approval.Approver;
import io.gatehouse.contracts.approval.BreakGlassApproved;
import io.gatehouse.contracts.approval.CaseOpened;
import io.gatehouse.contracts.approval.ChangesRequested;
import io.gatehouse.contracts.approval.ModelApproved;
import io.gatehouse.contracts.approval.ModelPromoted;
import io.gatehouse.contracts.approval.ModelRejected;
import io.gatehouse.contracts.approval.ModelRolledBack;
import io.gatehouse.contracts.approval.PolicyPublished;
import io.gatehouse.contracts.approval.RecertificationDue;
import io.gatehouse.contracts.approval.RequiredSignOff;
import io.gatehouse.contracts.approval.RolloutPaused;
import io.gatehouse.contracts.approval.SignOffRecorded;
import io.gatehouse.contracts.approval.SignOffsVoided;
import io.gatehouse.contracts.monitoring.DriftDetected;
import io.gatehouse.contracts.monitoring.DriftResolved;
import io.gatehouse.contracts.monitoring.PerformanceDegraded;
import io.gatehouse.contracts.monitoring.PerformanceRecovered;
import io.gatehouse.contracts.registry.ArtifactRef;
import io.gatehouse.contracts.registry.ColumnMapping;
import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DatasetRef;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.EvaluationDataRef;
import io.gatehouse.contracts.registry.Lineage;
import io.gatehouse.contracts.registry.ModelCard;
import io.gatehouse.contracts.registry.ModelCardUpdated;
import io.gatehouse.contracts.registry.ModelDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelTagSet;
import io.gatehouse.contracts.registry.ModelTagDeleted;
import io.gatehouse.contracts.registry.ModelRenamed;
import io.gatehouse.contracts.registry.ModelDeleted;
import io.gatehouse.contracts.registry.ModelAliasSet;
import io.gatehouse.contracts.registry.ModelAliasDeleted;
import io.gatehouse.contracts.registry.ModelVersionCreated;
import io.gatehouse.contracts.registry.ModelVersionDescriptionUpdated;
import io.gatehouse.contracts.registry.ModelVersionTagSet;
import io.gatehouse.contracts.registry.ModelVersionTagDeleted;
import io.gatehouse.contracts.registry.ModelVersionStageTransitioned;
import io.gatehouse.contracts.registry.ModelVersionDeleted;
import io.gatehouse.contracts.registry.ModelRegistered;
import io.gatehouse.contracts.registry.ModelVersionEvaluationDataSet;
import io.gatehouse.contracts.registry.ModelVersionLineageSet;
import io.gatehouse.contracts.registry.ModelVersionRetired;
import io.gatehouse.contracts.registry.ModelVersionSubmitted;
import io.gatehouse.contracts.registry.RiskProfile;
import io.gatehouse.contracts.registry.RiskTierAssigned;
import io.gatehouse.contracts.registry.Tag;
import io.gatehouse.contracts.validation.FeatureHistogram;
import io.gatehouse.contracts.validation.GateFailed;
import io.gatehouse.contracts.validation.GatePassed;
import io.gatehouse.contracts.validation.ObservedValue;
import io.gatehouse.contracts.validation.ValidationCompleted;
import io.gatehouse.contracts.validation.ValidationStarted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One realistic instance of every published event, every field filled, nested lists non-empty. */
public final class SampleEvents {

  static final String MODEL = "credit-default";
  static final int VERSION = 4;
  static final String CASE_ID = "case-7f3a9c2e";
  static final String RUN_ID = "run-20250311-0042";
  static final String ARTIFACT_SHA = "c7c5c1d70c5dec4416ab6158afd0b223ef40c29b1dc1f97ed9428b94d4cadb1c";
  static final String DATA_SHA = "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7";
  static final String REPORT_SHA = "845e91831319e89c4d656bdb80c278ac09a7230d61e5dfd2e1b1fbb436ac8917";
  static final Instant T0 = Instant.parse("2025-03-11T09:30:00Z");
  static final String POLICY_YAML = """
      policy: default
      version: 3
      tiers:
        HIGH:
          gates:
            - { id: auc, expr: "metrics.roc_auc >= 0.80" }
          signoffs: [ {role: ENGINEERING}, {role: MODEL_RISK, quorum: 2} ]
          approval_valid_for: P180D
      """;

  private static final Map<Class<? extends GatehouseEvent>, Supplier<GatehouseEvent>> ALL = new LinkedHashMap<>();

  static {
    ALL.put(ModelRegistered.class, SampleEvents::modelRegistered);
    ALL.put(RiskTierAssigned.class, SampleEvents::riskTierAssigned);
    ALL.put(ModelVersionSubmitted.class, SampleEvents::modelVersionSubmitted);
    ALL.put(ModelCardUpdated.class, SampleEvents::modelCardUpdated);
    ALL.put(ModelVersionRetired.class, SampleEvents::modelVersionRetired);
    ALL.put(ModelVersionEvaluationDataSet.class, () -> new ModelVersionEvaluationDataSet(MODEL, VERSION,
        modelVersionSubmitted().evaluationData(), "bob@bank.example", at(25)));
    ALL.put(ModelVersionLineageSet.class, () -> new ModelVersionLineageSet(MODEL, VERSION,
        modelVersionSubmitted().lineage(), "bob@bank.example", at(26)));
    ALL.put(ModelDescriptionUpdated.class, SampleEvents::modelDescriptionUpdated);
    ALL.put(ModelTagSet.class, SampleEvents::modelTagSet);
    ALL.put(ModelTagDeleted.class, SampleEvents::modelTagDeleted);
    ALL.put(ModelRenamed.class, SampleEvents::modelRenamed);
    ALL.put(ModelDeleted.class, SampleEvents::modelDeleted);
    ALL.put(ModelAliasSet.class, SampleEvents::modelAliasSet);
    ALL.put(ModelAliasDeleted.class, SampleEvents::modelAliasDeleted);
    ALL.put(ModelVersionCreated.class, SampleEvents::modelVersionCreated);
    ALL.put(ModelVersionDescriptionUpdated.class, SampleEvents::modelVersionDescriptionUpdated);
    ALL.put(ModelVersionTagSet.class, SampleEvents::modelVersionTagSet);
    ALL.put(ModelVersionTagDeleted.class, SampleEvents::modelVersionTagDeleted);
    ALL.put(ModelVersionStageTransitioned.class, SampleEvents::modelVersionStageTransitioned);
    ALL.put(ModelVersionDeleted.class, SampleEvents::modelVersionDeleted);
    ALL.put(ValidationStarted.class, SampleEvents::validationStarted);
    ALL.put(GatePassed.class, SampleEvents::gatePassed);
    ALL.put(GateFailed.class, SampleEvents::gateFailed);
    ALL.put(ValidationCompleted.class, SampleEvents::validationCompleted);
    ALL.put(CaseOpened.class, SampleEvents::caseOpened);
    ALL.put(SignOffRecorded.class, SampleEvents::signOffRecorded);
    ALL.put(SignOffsVoided.class, SampleEvents::signOffsVoided);
    ALL.put(ChangesRequested.class, SampleEvents::changesRequested);
    ALL.put(ModelRejected.class, SampleEvents::modelRejected);
    ALL.put(ModelApproved.class, SampleEvents::modelApproved);
    ALL.put(ModelPromoted.class, SampleEvents::modelPromoted);
    ALL.put(RolloutPaused.class, SampleEvents::rolloutPaused);
    ALL.put(ModelRolledBack.class, SampleEvents::modelRolledBack);
    ALL.put(ApprovalSuspended.class, SampleEvents::approvalSuspended);
    ALL.put(CaseReopened.class, SampleEvents::caseReopened);
    ALL.put(CaseWithdrawn.class, SampleEvents::caseWithdrawn);
    ALL.put(RecertificationDue.class, SampleEvents::recertificationDue);
    ALL.put(ApprovalExpired.class, SampleEvents::approvalExpired);
    ALL.put(BreakGlassApproved.class, SampleEvents::breakGlassApproved);
    ALL.put(PolicyPublished.class, SampleEvents::policyPublished);
    ALL.put(DriftDetected.class, SampleEvents::driftDetected);
    ALL.put(DriftResolved.class, SampleEvents::driftResolved);
    ALL.put(PerformanceDegraded.class, SampleEvents::performanceDegraded);
    ALL.put(PerformanceRecovered.class, SampleEvents::performanceRecovered);
  }

  private SampleEvents() {}

  /** The sample of an event class; fails for a catalogued class that has none yet. */
  public static GatehouseEvent of(Class<?> type) {
    Supplier<GatehouseEvent> sample = ALL.get(type);
    if (sample == null) {
      throw new AssertionError("No sample for " + type.getName() + ": add one to SampleEvents");
    }
    return sample.get();
  }

  private static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  // registry

  public static ModelRegistered modelRegistered() {
    return new ModelRegistered(MODEL, "Probability that a retail loan defaults within 12 months.", "credit-risk-ml",
        List.of(new Tag("cost-center", "4711"), new Tag("framework", "xgboost")),
        new RiskProfile("credit", true, false, true, "EU-AI-ACT-ANNEX-III"),
        "HIGH", "alice@bank.example", at(0));
  }

  public static RiskTierAssigned riskTierAssigned() {
    return new RiskTierAssigned(MODEL, "HIGH", "CRITICAL",
        "Scores feed automated limit reductions for vulnerable customers.", "rita@bank.example", at(5));
  }

  public static ModelCard modelCard() {
    return new ModelCard("Rank retail loan applications by default risk for underwriters.",
        "Employment or insurance decisions.", "Retail loan applicants in the EU.",
        "Loan book 2019-2023, 1.2M applications.", "Hold-out of Q4 2023, 48k applications.",
        "ROC AUC, expected calibration error, demographic parity ratio.",
        "Checked across age band and sex.", "Not validated for business loans.",
        null, List.of("alice@bank.example", "bob@bank.example"),
        List.of(new DeclaredMetric("roc_auc", "ROC AUC", 0.871, "tabular-classification", "loan-book-2023q4", null,
                "test", null, "internal validation report VR-2024-118"),
            new DeclaredMetric("selection_rate", null, 0.42, null, "loan-book-2023q4", null, "test", "age_band=65+",
                null)),
        List.of(new Contact("Credit risk ML team", "credit-ml@bank.example"), new Contact(null, "#credit-ml")));
  }

  public static ModelVersionSubmitted modelVersionSubmitted() {
    return new ModelVersionSubmitted(MODEL, VERSION,
        new ArtifactRef("s3://models/credit-default/4/model.xgb", ARTIFACT_SHA, 18_734_112L),
        modelCard(),
        new Lineage(List.of(
                new DatasetRef("s3://data/loans/train-2023.parquet",
                    "7105fe8787b683767024bf3719a482e7d4702b2eb4e3e7d5c6d9790985d362f4", "train"),
                new DatasetRef("s3://data/loans/test-2023q4.parquet",
                    "8b16787df2c59d9333bcae6bc50d5e1cff90d15721045dcbad14f538dc509dad", "test")),
            "https://git.bank.example/ml/credit-default", "9f2c41e0b7d3a85c6e14f02b9d7a3c5e8f106b2d", 3),
        new EvaluationDataRef("s3://data/loans/eval-2023q4-predictions.csv", DATA_SHA, "csv",
            new ColumnMapping("defaulted", "predicted_default", "default_probability",
                List.of("age_band", "sex"), List.of("income", "loan_amount", "employment_type"))),
        "HIGH", "alice@bank.example", List.of("alice@bank.example", "bob@bank.example"), at(10));
  }

  public static ModelCardUpdated modelCardUpdated() {
    return new ModelCardUpdated(MODEL, VERSION, 2, modelCard(), List.of("ethicalConsiderations"),
        "bob@bank.example", at(20));
  }

  public static ModelVersionRetired modelVersionRetired() {
    return new ModelVersionRetired(MODEL, 2, "Superseded by version 4; training data older than 24 months.",
        "alice@bank.example", at(30));
  }

  public static ModelDescriptionUpdated modelDescriptionUpdated() {
    return new ModelDescriptionUpdated("credit-default", null, "alice@bank.example", Instant.parse("2025-03-11T09:40:00Z"));
  }

  public static ModelTagSet modelTagSet() {
    return new ModelTagSet("credit-default", "framework", "xgboost", "alice@bank.example", Instant.parse("2025-03-11T09:41:00Z"));
  }

  public static ModelTagDeleted modelTagDeleted() {
    return new ModelTagDeleted("credit-default", "framework", "alice@bank.example", Instant.parse("2025-03-11T09:42:00Z"));
  }

  public static ModelRenamed modelRenamed() {
    return new ModelRenamed("credit-default", "credit-default-eu", "alice@bank.example", Instant.parse("2025-03-11T09:43:00Z"));
  }

  public static ModelDeleted modelDeleted() {
    return new ModelDeleted("credit-default", "alice@bank.example", Instant.parse("2025-03-11T09:44:00Z"));
  }

  public static ModelAliasSet modelAliasSet() {
    return new ModelAliasSet("credit-default", 4, "champion", 3, "case-7f3a9c2e", "paul@bank.example", Instant.parse("2025-03-11T12:30:00Z"));
  }

  public static ModelAliasDeleted modelAliasDeleted() {
    return new ModelAliasDeleted("credit-default", 4, "challenger", "paul@bank.example", Instant.parse("2025-03-11T12:31:00Z"));
  }

  public static ModelVersionCreated modelVersionCreated() {
    return new ModelVersionCreated("credit-default", 5, "s3://models/credit-default/5/model.xgb", "5f1e0c3a9b2d4e6f8a7b1c2d3e4f5a6b", null, "Retrained on Q1 2025.", List.of(new Tag("framework", "xgboost")), "alice@bank.example", Instant.parse("2025-03-11T13:00:00Z"));
  }

  public static ModelVersionDescriptionUpdated modelVersionDescriptionUpdated() {
    return new ModelVersionDescriptionUpdated("credit-default", 4, "Champion since March 2025.", "alice@bank.example", Instant.parse("2025-03-11T13:05:00Z"));
  }

  public static ModelVersionTagSet modelVersionTagSet() {
    return new ModelVersionTagSet("credit-default", 4, "validation_status", "", "alice@bank.example", Instant.parse("2025-03-11T13:06:00Z"));
  }

  public static ModelVersionTagDeleted modelVersionTagDeleted() {
    return new ModelVersionTagDeleted("credit-default", 4, "validation_status", "alice@bank.example", Instant.parse("2025-03-11T13:07:00Z"));
  }

  public static ModelVersionStageTransitioned modelVersionStageTransitioned() {
    return new ModelVersionStageTransitioned("credit-default", 4, "None", "Production", "case-7f3a9c2e", "paul@bank.example", Instant.parse("2025-03-11T12:30:00Z"));
  }

  public static ModelVersionDeleted modelVersionDeleted() {
    return new ModelVersionDeleted("credit-default", 2, "alice@bank.example", Instant.parse("2025-03-11T13:10:00Z"));
  }

  // validation

  public static ValidationStarted validationStarted() {
    return new ValidationStarted(RUN_ID, MODEL, VERSION, "default", 3, DATA_SHA, "service:validation", at(11));
  }

  public static GatePassed gatePassed() {
    return new GatePassed(RUN_ID, MODEL, VERSION, "auc", "metrics.roc_auc >= 0.80",
        List.of(new ObservedValue("metrics.roc_auc", 0.8714)), "default", 3, DATA_SHA, 48_210L, at(12));
  }

  public static GateFailed gateFailed() {
    return new GateFailed(RUN_ID, MODEL, VERSION, "four-fifths", "fairness.demographic_parity_ratio >= 0.80",
        List.of(new ObservedValue("fairness.demographic_parity_ratio", 0.7421),
            new ObservedValue("fairness.selection_rate.age_band=18-25", 0.1834)),
        "default", 3, DATA_SHA, 48_210L,
        "demographic parity ratio 0.7421 is below 0.80 (group age_band=18-25)", at(12));
  }

  public static ValidationCompleted validationCompleted() {
    return new ValidationCompleted(RUN_ID, MODEL, VERSION, 4, 1,
        "s3://gatehouse-evidence/credit-default/4/run-20250311-0042/report.json", REPORT_SHA,
        List.of(
            new FeatureHistogram("income", "numeric", List.of(0.0, 20_000.0, 40_000.0, 80_000.0, 1.0e7),
                List.of(), List.of(6_021L, 17_450L, 19_311L, 5_428L)),
            new FeatureHistogram("employment_type", "categorical", List.of(),
                List.of("employed", "self-employed", "retired", "other"), List.of(31_002L, 7_840L, 6_115L, 3_253L))),
        DATA_SHA, 48_210L, at(13));
  }

  // approval

  public static CaseOpened caseOpened() {
    return new CaseOpened(CASE_ID, MODEL, VERSION, ARTIFACT_SHA, "HIGH", "default", 3,
        List.of("auc", "calibration", "four-fifths", "equalized-odds", "card-complete"),
        List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("LEGAL", 1),
            new RequiredSignOff("MODEL_RISK", 2)),
        "P180D", "alice@bank.example", List.of("alice@bank.example", "bob@bank.example"), at(11));
  }

  public static SignOffRecorded signOffRecorded() {
    return new SignOffRecorded(CASE_ID, MODEL, VERSION, "LEGAL", "lena@bank.example", "Lena Hoffmann", "APPROVE",
        "Annex III documentation complete.", at(60));
  }

  public static SignOffsVoided signOffsVoided() {
    return new SignOffsVoided(CASE_ID, MODEL, VERSION, "auc", "a".repeat(64), "b".repeat(64),
        List.of(new Approver("LEGAL", "lena@bank.example")), at(65));
  }

  public static ChangesRequested changesRequested() {
    return new ChangesRequested(CASE_ID, MODEL, VERSION, "ETHICS", "emma@bank.example",
        "Fill in the ethical considerations section.", at(61));
  }

  public static ModelRejected modelRejected() {
    return new ModelRejected(CASE_ID, MODEL, VERSION, "MODEL_RISK", "mark@bank.example",
        "Selection rate for applicants aged 18-25 fails the four-fifths rule.", at(62));
  }

  public static ModelApproved modelApproved() {
    return new ModelApproved(CASE_ID, MODEL, VERSION, ARTIFACT_SHA, "default", 3, at(60 * 24 * 180),
        List.of(new Approver("ENGINEERING", "erik@bank.example"), new Approver("LEGAL", "lena@bank.example"),
            new Approver("MODEL_RISK", "mark@bank.example"), new Approver("MODEL_RISK", "mona@bank.example")),
        at(120));
  }

  public static ModelPromoted modelPromoted() {
    return new ModelPromoted(CASE_ID, MODEL, VERSION, ARTIFACT_SHA, "production", "pilot", 5, 3,
        "paul@bank.example", at(180));
  }

  public static RolloutPaused rolloutPaused() {
    return new RolloutPaused(CASE_ID, MODEL, VERSION, "production", "pilot",
        "Complaint rate in pilot doubled; investigating.", "paul@bank.example", at(240));
  }

  public static ModelRolledBack modelRolledBack() {
    return new ModelRolledBack(CASE_ID, MODEL, VERSION, 3, "production",
        "PSI 0.31 on income exceeded the act threshold 0.25.", "service:approval-policy", at(300));
  }

  public static ApprovalSuspended approvalSuspended() {
    return new ApprovalSuspended(CASE_ID, MODEL, VERSION, "PSI 0.31 on income exceeded the act threshold 0.25.",
        "drift-0b6e21", "service:approval-policy", at(300));
  }

  public static CaseReopened caseReopened() {
    return new CaseReopened(CASE_ID, MODEL, VERSION, "RECERTIFICATION", "default", 4, List.of("auc", "four-fifths"),
        List.of(new RequiredSignOff("ENGINEERING", 1), new RequiredSignOff("MODEL_RISK", 2)), "P180D",
        "risk1@bank.example", at(60 * 24 * 151));
  }

  public static CaseWithdrawn caseWithdrawn() {
    return new CaseWithdrawn(CASE_ID, MODEL, VERSION, "RETIRED", "Superseded by version 2.", "alice@bank.example",
        at(60 * 24 * 30));
  }

  public static RecertificationDue recertificationDue() {
    return new RecertificationDue(CASE_ID, MODEL, VERSION, at(60 * 24 * 180), at(60 * 24 * 150));
  }

  public static ApprovalExpired approvalExpired() {
    return new ApprovalExpired(CASE_ID, MODEL, VERSION, at(60 * 24 * 180));
  }

  public static BreakGlassApproved breakGlassApproved() {
    return new BreakGlassApproved(CASE_ID, MODEL, VERSION, ARTIFACT_SHA,
        List.of("cara@bank.example", "dan@bank.example"),
        "Version 3 scores a fraud pattern as low risk; version 4 fixes it.", at(60 * 24 * 14), at(90));
  }

  public static PolicyPublished policyPublished() {
    return new PolicyPublished("default", 3, POLICY_YAML, sha256(POLICY_YAML), "gina@bank.example", at(-60));
  }

  // monitoring

  public static DriftDetected driftDetected() {
    return new DriftDetected("drift-0b6e21", MODEL, VERSION, "income", "PSI", 0.3127, 0.25, "ACT",
        at(240), at(300), 12_480L, "gatehouse", at(300));
  }

  public static DriftResolved driftResolved() {
    return new DriftResolved("drift-0b6e21", MODEL, VERSION, "income", "PSI", 0.0612, 0.25,
        at(1440), at(1500), at(1500));
  }

  public static PerformanceDegraded performanceDegraded() {
    return new PerformanceDegraded("perf-4c19d0", MODEL, VERSION, "roc_auc", 0.7932, 0.8714, 0.05,
        at(1440), at(2880), 9_812L, at(2880));
  }

  public static PerformanceRecovered performanceRecovered() {
    return new PerformanceRecovered("perf-4c19d0", MODEL, VERSION, "roc_auc", 0.8633, 0.8714, 0.05,
        at(2880), at(4320), 10_240L, at(4320));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
