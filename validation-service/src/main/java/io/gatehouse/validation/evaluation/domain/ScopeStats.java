package io.gatehouse.validation.evaluation.domain;

/**
 * The accumulators of one scope (every row, or the rows of one group): counts, confusion matrix,
 * and with a score the terms of log loss, Brier score, calibration bins and ROC AUC. Fixed size
 * whatever the number of rows.
 */
final class ScopeStats {

  long labelled;   // rows with a valid label
  long positives;  // of which actual positives
  long tp;
  long fp;
  long tn;
  long fn;
  long scored;          // rows with a valid label and a valid score
  long scoredPositives;
  long outsideUnit;     // scores outside [0, 1]: no probability metrics
  final CompensatedSum logLoss = new CompensatedSum();
  final CompensatedSum brier = new CompensatedSum();
  final long[] eceCount;
  final double[] eceSumP;
  final long[] ecePositives;
  final RocAuc auc;

  ScopeStats(int eceBins, int exactAucDistinct, int aucBins, boolean withScore) {
    eceCount = new long[eceBins];
    eceSumP = new double[eceBins];
    ecePositives = new long[eceBins];
    auc = withScore ? new RocAuc(exactAucDistinct, aucBins) : null;
  }

  /** One row with a valid label; {@code prediction} is 1, 0 or negative for none. */
  void label(boolean positive, int prediction) {
    labelled++;
    if (positive) {
      positives++;
    }
    if (prediction == 1) {
      if (positive) {
        tp++;
      } else {
        fp++;
      }
    } else if (prediction == 0) {
      if (positive) {
        fn++;
      } else {
        tn++;
      }
    }
  }

  /**
   * The score terms of one row with a valid label; {@code logLossTerm} and {@code brierTerm} are
   * ignored and {@code eceBin} is negative when the score lies outside [0, 1].
   */
  void score(double score, boolean positive, double logLossTerm, double brierTerm, int eceBin) {
    scored++;
    if (positive) {
      scoredPositives++;
    }
    auc.add(score, positive);
    if (eceBin < 0) {
      outsideUnit++;
      return;
    }
    logLoss.add(logLossTerm);
    brier.add(brierTerm);
    eceCount[eceBin]++;
    eceSumP[eceBin] += score;
    if (positive) {
      ecePositives[eceBin]++;
    }
  }

  long confusionRows() {
    return tp + fp + tn + fn;
  }

  double selectionRate() {
    return (double) (tp + fp) / confusionRows();
  }

  /** Every metric of the scope; undefined ones carry the reason. */
  MetricSet metrics(boolean withScore) {
    MetricSet m = new MetricSet();
    long c = confusionRows();
    m.count("rows", labelled).count("positives", positives).count("negatives", labelled - positives);
    m.count("tp", tp).count("fp", fp).count("tn", tn).count("fn", fn).count("predicted_rows", c);
    m.count("predicted_positives", tp + fp);
    String noRows = "no rows with both a label and a prediction";
    m.ratio("accuracy", tp + tn, c, noRows);
    m.ratio("selection_rate", tp + fp, c, noRows);
    m.ratio("base_rate", tp + fn, c, noRows);
    String noPredPos = "no predicted positives (tp + fp = 0)";
    m.ratio("precision", tp, tp + fp, noPredPos);
    m.ratio("ppv", tp, tp + fp, noPredPos);
    String noPos = "no actual positives (tp + fn = 0)";
    m.ratio("recall", tp, tp + fn, noPos);
    m.ratio("tpr", tp, tp + fn, noPos);
    m.ratio("fnr", fn, tp + fn, noPos);
    String noNeg = "no actual negatives (fp + tn = 0)";
    m.ratio("fpr", fp, fp + tn, noNeg);
    m.ratio("tnr", tn, fp + tn, noNeg);
    m.ratio("f1", 2 * tp, 2 * tp + fp + fn, "precision and recall are both undefined or zero (2tp + fp + fn = 0)");
    if (!withScore) {
      String none = "the mapping names no score column";
      for (String s : new String[] {"roc_auc", "log_loss", "brier", "ece"}) {
        m.undefined(s, none);
      }
      return m;
    }
    m.count("scored_rows", scored);
    if (scored == 0) {
      String none = "no rows with both a label and a score";
      for (String s : new String[] {"roc_auc", "log_loss", "brier", "ece"}) {
        m.undefined(s, none);
      }
      return m;
    }
    auc.writeTo(m);
    if (outsideUnit > 0) {
      String why = outsideUnit + " scores lie outside [0, 1], so scores are not probabilities";
      m.undefined("log_loss", why).undefined("brier", why).undefined("ece", why);
      return m;
    }
    m.put("log_loss", logLoss.value() / scored);
    m.put("brier", brier.value() / scored);
    double ece = 0;
    for (int b = 0; b < eceCount.length; b++) {
      if (eceCount[b] > 0) {
        double meanP = eceSumP[b] / eceCount[b];
        double meanY = (double) ecePositives[b] / eceCount[b];
        ece += ((double) eceCount[b] / scored) * Math.abs(meanY - meanP);
      }
    }
    m.put("ece", ece);
    return m;
  }
}
