package io.gatehouse.monitoring.alertmanager.domain;

import io.gatehouse.monitoring.drift.domain.Statistic;
import io.gatehouse.monitoring.telemetry.domain.DriftSignal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How an alert becomes a signal. Labels name what it is about, annotations carry the numbers
 * (Prometheus rules put {@code {{ $value }}} into an annotation):
 *
 * <table>
 *   <tr><th>label / annotation</th><th>meaning</th></tr>
 *   <tr><td>label {@code model} (or {@code model_name}), {@code version} (or {@code model_version})</td>
 *       <td>the model version; without both the alert is not about one and is ignored</td></tr>
 *   <tr><td>label {@code gatehouse_signal}: {@code drift} or {@code performance}</td>
 *       <td>the kind; without it, an alert with a {@code metric} label is performance, one with
 *       {@code feature} or {@code statistic} drift</td></tr>
 *   <tr><td>labels {@code feature}, {@code statistic} (PSI, KS, JS or their long names)</td><td>drift</td></tr>
 *   <tr><td>label {@code metric} (e.g. {@code roc_auc})</td><td>performance</td></tr>
 *   <tr><td>label {@code severity}</td><td>critical, page, high or act: ACT; anything else WARN</td></tr>
 *   <tr><td>annotation {@code value}</td><td>the statistic or metric; required while firing (0 if a resolved alert has none)</td></tr>
 *   <tr><td>annotation {@code threshold}</td><td>drift: the rule's threshold (default: the value)</td></tr>
 *   <tr><td>annotations {@code expected}, {@code tolerance}</td><td>performance: the expected value (required while firing) and tolerance (default 0)</td></tr>
 *   <tr><td>annotation {@code sample_size}</td><td>rows behind the value (default 0)</td></tr>
 * </table>
 *
 * The signal id is {@code alertmanager-<fingerprint>-<startsAt epoch seconds>}: the same in the
 * firing and the resolved notification of one alert, and new when it fires again later. Repeated
 * firing notifications of the same alert are recognised as the same signal.
 */
public final class AlertMapping {

  public static final String SOURCE = "alertmanager";

  private AlertMapping() {}

  public static List<AlertSignal> map(AlertmanagerPayload payload, Instant receivedAt) {
    List<AlertSignal> out = new ArrayList<>();
    List<AlertmanagerPayload.Alert> alerts = payload.alerts() == null ? List.of() : payload.alerts();
    for (int i = 0; i < alerts.size(); i++) {
      out.add(map(i, alerts.get(i), receivedAt));
    }
    return out;
  }

  static AlertSignal map(int index, AlertmanagerPayload.Alert a, Instant receivedAt) {
    Map<String, String> labels = a.labels() == null ? Map.of() : a.labels();
    Map<String, String> annotations = a.annotations() == null ? Map.of() : a.annotations();
    String fingerprint = a.fingerprint() != null && !a.fingerprint().isBlank() ? a.fingerprint() : fingerprintOf(labels);
    String model = first(labels, "model", "model_name");
    String versionText = first(labels, "version", "model_version");
    if (model == null || versionText == null) {
      return new AlertSignal.NotOurs(index, fingerprint);
    }
    int version;
    try {
      version = Integer.parseInt(versionText.trim());
      if (version < 1) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      return new AlertSignal.Unusable(index, fingerprint, model, "bad-payload",
          "label version '" + versionText + "' is not a version number");
    }
    boolean firing;
    if ("firing".equals(a.status())) {
      firing = true;
    } else if ("resolved".equals(a.status())) {
      firing = false;
    } else {
      return new AlertSignal.Unusable(index, fingerprint, model, "bad-payload",
          "status must be firing or resolved, was " + a.status());
    }
    Instant startsAt = instant(a.startsAt());
    if (startsAt == null) {
      return new AlertSignal.Unusable(index, fingerprint, model, "bad-payload", "startsAt is not an RFC 3339 time");
    }
    Instant endsAt = instant(a.endsAt());
    Instant windowEnd = !firing && endsAt != null && endsAt.isAfter(startsAt) ? endsAt : receivedAt;
    String signalId = SOURCE + "-" + fingerprint + "-" + startsAt.getEpochSecond();
    String kind = labels.get("gatehouse_signal");
    if (kind == null) {
      kind = labels.containsKey("metric") ? "performance"
          : labels.containsKey("feature") || labels.containsKey("statistic") ? "drift" : null;
    }
    if (kind == null) {
      return new AlertSignal.Unusable(index, fingerprint, model, "unknown-signal-kind", "the alert is about " + model
          + " version " + version + " but says neither drift (labels feature, statistic) nor performance (label metric);"
          + " set label gatehouse_signal");
    }
    Double value = number(annotations.get("value"));
    if (firing && value == null) {
      return new AlertSignal.Unusable(index, fingerprint, model, "bad-payload",
          "annotation value (the statistic or metric, e.g. {{ $value }}) is missing or not a number");
    }
    double v = value == null ? 0 : value;
    long sampleSize = number(annotations.get("sample_size")) == null ? 0
        : Math.max(0, number(annotations.get("sample_size")).longValue());
    switch (kind) {
      case "drift" -> {
        String feature = labels.get("feature");
        if (feature == null || feature.isBlank()) {
          return new AlertSignal.Unusable(index, fingerprint, model, "bad-payload", "a drift alert needs label feature");
        }
        Statistic statistic = Statistic.parse(labels.get("statistic")).orElse(null);
        if (statistic == null) {
          return new AlertSignal.Unusable(index, fingerprint, model, "unsupported-statistic", "label statistic '"
              + labels.get("statistic") + "' is not PSI, KS or JS");
        }
        Double threshold = number(annotations.get("threshold"));
        String severity = act(labels.get("severity")) ? "ACT" : "WARN";
        return new AlertSignal.Drift(index, fingerprint, new DriftSignal(signalId, model, version, firing, feature,
            statistic.name(), v, threshold == null ? v : threshold, severity, startsAt, windowEnd, sampleSize, SOURCE,
            receivedAt));
      }
      case "performance" -> {
        String metric = labels.get("metric");
        if (metric == null || metric.isBlank()) {
          return new AlertSignal.Unusable(index, fingerprint, model, "bad-payload", "a performance alert needs label metric");
        }
        Double expected = number(annotations.get("expected"));
        if (firing && expected == null) {
          return new AlertSignal.Unusable(index, fingerprint, model, "bad-payload",
              "a firing performance alert needs annotation expected");
        }
        Double tolerance = number(annotations.get("tolerance"));
        return new AlertSignal.Performance(index, fingerprint, model, version, signalId, firing, metric, v,
            expected == null ? 0 : expected, tolerance == null ? 0 : tolerance, startsAt, windowEnd, sampleSize);
      }
      default -> {
        return new AlertSignal.Unusable(index, fingerprint, model, "unknown-signal-kind",
            "label gatehouse_signal must be drift or performance, was " + kind);
      }
    }
  }

  static boolean act(String severity) {
    if (severity == null) {
      return false;
    }
    return switch (severity.trim().toLowerCase(Locale.ROOT)) {
      case "critical", "page", "high", "act" -> true;
      default -> false;
    };
  }

  private static String first(Map<String, String> labels, String... names) {
    for (String n : names) {
      String v = labels.get(n);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static Double number(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(text.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      Instant i = OffsetDateTime.parse(text).toInstant();
      return i.getEpochSecond() <= 0 ? null : i; // Go's zero time 0001-01-01 means "none"
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Alertmanager's fingerprint is a hash of the labels; older versions do not send it, so make one. */
  static String fingerprintOf(Map<String, String> labels) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(labels).forEach((k, v) -> b.append(k).append('\u0000').append(v).append('\u0000'));
    return UUID.nameUUIDFromBytes(b.toString().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 16);
  }
}
