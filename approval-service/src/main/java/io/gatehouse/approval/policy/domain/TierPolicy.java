package io.gatehouse.approval.policy.domain;

import io.gatehouse.contracts.approval.RequiredSignOff;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * What one risk tier requires before a version may be approved, how long the approval lasts, how it
 * rolls out and how it answers drift.
 *
 * @param recertifyBefore how long before expiry {@code RecertificationDue} is announced
 * @param breakGlassReviewWithin how soon after a break-glass approval its retrospective review is due
 * @param rollout the production rollout phases in order; the last carries all traffic
 */
public record TierPolicy(
    List<Gate> gates,
    List<RequiredSignOff> signOffs,
    Term approvalValidFor,
    Term recertifyBefore,
    Term breakGlassReviewWithin,
    List<RolloutPhase> rollout,
    DriftPolicy drift) {

  public static final Term DEFAULT_RECERTIFY_BEFORE = Term.parse("P30D");
  public static final Term DEFAULT_BREAK_GLASS_REVIEW = Term.parse("P14D");
  public static final List<RolloutPhase> DEFAULT_ROLLOUT = List.of(new RolloutPhase("general", 100));

  /** Requirements with the default recertification notice, review term, a one-phase rollout and drift alerts only. */
  public TierPolicy(List<Gate> gates, List<RequiredSignOff> signOffs, Period approvalValidFor) {
    this(gates, signOffs, Term.of(approvalValidFor), DEFAULT_RECERTIFY_BEFORE, DEFAULT_BREAK_GLASS_REVIEW,
        DEFAULT_ROLLOUT, DriftPolicy.ALERT_ONLY);
  }

  /** A gate: an expression over the computed metrics that must hold. */
  public record Gate(String id, String expr) {}

  /** A production rollout phase and the share of traffic (percent) the version takes in it. */
  public record RolloutPhase(String phase, int traffic) {}

  /** What drift does to an approval: thresholds per statistic, and the action when one reaches {@code act}. */
  public record DriftPolicy(Map<String, Thresholds> thresholds, DriftAction onAct) {

    public static final DriftPolicy ALERT_ONLY = new DriftPolicy(Map.of(), DriftAction.ALERT);

    /**
     * How serious a drift signal is under this policy: by the policy's thresholds for the signal's
     * statistic when it has them, otherwise by the severity the signal carries (ACT, CRITICAL, HIGH or
     * PAGE count as act; anything else as warn).
     */
    public DriftLevel level(String statistic, double value, String severity) {
      Thresholds t = thresholds.get(statisticKey(statistic));
      if (t != null) {
        return value >= t.act() ? DriftLevel.ACT : value >= t.warn() ? DriftLevel.WARN : DriftLevel.NONE;
      }
      String s = severity == null ? "" : severity.toUpperCase(java.util.Locale.ROOT);
      return switch (s) {
        case "ACT", "CRITICAL", "HIGH", "PAGE" -> DriftLevel.ACT;
        default -> DriftLevel.WARN;
      };
    }

    /** The act threshold applied to {@code statistic}: the policy's, or the signal's own when it has none. */
    public double actThreshold(String statistic, double signalThreshold) {
      Thresholds t = thresholds.get(statisticKey(statistic));
      return t == null ? signalThreshold : t.act();
    }

    /** psi, ks or js for the names monitors use for them; other names lower-cased. */
    public static String statisticKey(String statistic) {
      String s = statistic == null ? "" : statistic.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      return switch (s) {
        case "psi", "population-stability-index" -> "psi";
        case "ks", "kolmogorov-smirnov" -> "ks";
        case "js", "jsd", "jensen-shannon", "jensen-shannon-distance" -> "js";
        default -> s;
      };
    }

    /** Thresholds of one statistic (psi, ks, js): at {@code warn} an alert, at {@code act} the action. */
    public record Thresholds(double warn, double act) {}
  }

  /** How serious a drift signal is under a policy. */
  public enum DriftLevel { NONE, WARN, ACT }

  /** ALERT leaves the approval standing; SUSPEND suspends it and reopens sign-off; ROLLBACK also rolls back. */
  public enum DriftAction { ALERT, SUSPEND, ROLLBACK }

  public List<String> gateIds() {
    return gates.stream().map(Gate::id).toList();
  }
}
