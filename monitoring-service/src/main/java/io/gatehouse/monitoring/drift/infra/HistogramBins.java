package io.gatehouse.monitoring.drift.infra;

import io.gatehouse.monitoring.drift.domain.ReferenceHistogram;
import io.gatehouse.monitoring.telemetry.domain.InvalidInput;
import io.gatehouse.monitoring.telemetry.domain.WindowHistogram;
import java.util.List;

/** A producer's window histogram of one feature, put on the reference's bins (or refused: {@code bins-mismatch}). */
public final class HistogramBins {

  private HistogramBins() {}

  /** The counts on the reference's bins; for a categorical feature, unknown categories add to "other". */
  public static long[] onReferenceBins(ReferenceHistogram ref, WindowHistogram.Entry e) {
    if (!ref.kind().wire().equals(e.kind())) {
      throw new InvalidInput("bins-mismatch", e.feature() + " is " + ref.kind().wire() + " in the reference profile, "
          + e.kind() + " in the window histogram");
    }
    if (e.kind().equals("numeric")) {
      if (!e.binEdges().isEmpty() && !sameEdges(ref.edges(), e.binEdges())) {
        throw new InvalidInput("bins-mismatch", e.feature() + ": the window's bin edges are not the reference's "
            + ref.edges() + " (send the reference's edges, or none to mean them)");
      }
      if (e.counts().size() != ref.bins()) {
        throw new InvalidInput("bins-mismatch", e.feature() + ": " + e.counts().size() + " counts for "
            + ref.bins() + " reference bins " + ref.edges());
      }
      return e.counts().stream().mapToLong(Long::longValue).toArray();
    }
    if (e.categories().size() != e.counts().size()) {
      throw new InvalidInput("bad-payload", e.feature() + ": a categorical histogram needs one count per category");
    }
    long[] c = new long[ref.bins()];
    for (int i = 0; i < e.categories().size(); i++) {
      c[ref.binOf(e.categories().get(i))] += e.counts().get(i);
    }
    return c;
  }

  private static boolean sameEdges(List<Double> a, List<Double> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (Math.abs(a.get(i) - b.get(i)) > 1e-9 * Math.max(1, Math.abs(a.get(i)))) {
        return false;
      }
    }
    return true;
  }
}
