package io.gatehouse.local.bench;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's own time for one endpoint, from the {@code http_server_requests_seconds} histogram of
 * its Prometheus scrape (Spring's server observation: from the filter chain's start to the response,
 * so without the client, the network and Tomcat's accept queue). Two scrapes around a phase give the
 * requests of that phase. Percentiles are the upper bounds of the buckets they fall in: the true
 * value lies between that bucket's lower and upper bound. Beside them, two things a request may wait
 * for inside the service: its garbage collector's pauses ({@code jvm_gc_pause_seconds}) and a
 * pooled database connection ({@code hikaricp_connections_acquire_seconds}).
 *
 * @param buckets cumulative counts by upper bound in seconds (the last is +Inf)
 * @param count requests
 * @param sumSeconds their total time
 * @param gcPauses the service's collector pauses, all of them
 * @param connectionAcquires waits for a pooled connection, every caller's
 */
public record ServerTimes(NavigableMap<Double, Long> buckets, long count, double sumSeconds, Totals gcPauses,
    Totals connectionAcquires) {

  /** A timer's count and total seconds summed over its series. */
  public record Totals(long count, double seconds) {

    Totals minus(Totals before) {
      return new Totals(count - before.count, seconds - before.seconds);
    }

    public double meanMs() {
      return count == 0 ? 0 : seconds * 1000 / count;
    }
  }

  private static final String METRIC = "http_server_requests_seconds";
  /** Greedy up to the last brace: label values hold braces too ({@code uri="/cases/{caseId}"}). */
  private static final Pattern SAMPLE =
      Pattern.compile("^(" + METRIC + "_(?:bucket|count|sum))\\{(.*)}\\s+(\\S+)\\s*$");
  private static final Pattern TOTAL = Pattern.compile("^(\\w+)_(count|sum)(?:\\{.*})?\\s+(\\S+)\\s*$");
  private static final String GC_PAUSE = "jvm_gc_pause_seconds";
  private static final String ACQUIRE = "hikaricp_connections_acquire_seconds";
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  public ServerTimes {
    buckets = new TreeMap<>(buckets);
  }

  /**
   * The requests of {@code method} {@code uri} (the route template, e.g.
   * {@code /api/v1/cases/{caseId}/sign-offs}) in a Prometheus text scrape, summed over status and
   * outcome. No histogram (percentiles-histogram off for {@code http.server.requests}) gives no
   * buckets; no request gives zeros.
   */
  public static ServerTimes parse(String scrape, String method, String uri) {
    TreeMap<Double, Long> buckets = new TreeMap<>();
    long count = 0;
    double sum = 0;
    for (String line : scrape.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!m.find()) {
        continue;
      }
      Map<String, String> labels = labels(m.group(2));
      if (!method.equals(labels.get("method")) || !uri.equals(labels.get("uri"))) {
        continue;
      }
      double value = Double.parseDouble(m.group(3));
      switch (m.group(1)) {
        case METRIC + "_bucket" -> buckets.merge(bound(labels.get("le")), Math.round(value), Long::sum);
        case METRIC + "_count" -> count += Math.round(value);
        default -> sum += value;
      }
    }
    return new ServerTimes(buckets, count, sum, totals(scrape, GC_PAUSE), totals(scrape, ACQUIRE));
  }

  /** The {@code _count} and {@code _sum} of a timer, summed over all its series. */
  static Totals totals(String scrape, String timer) {
    long count = 0;
    double seconds = 0;
    for (String line : scrape.split("\n")) {
      Matcher m = TOTAL.matcher(line);
      if (m.find() && m.group(1).equals(timer)) {
        double value = Double.parseDouble(m.group(3));
        if (m.group(2).equals("count")) {
          count += Math.round(value);
        } else {
          seconds += value;
        }
      }
    }
    return new Totals(count, seconds);
  }

  /** The requests between {@code before} and this scrape. */
  public ServerTimes since(ServerTimes before) {
    TreeMap<Double, Long> diff = new TreeMap<>();
    buckets.forEach((le, n) -> diff.put(le, n - before.buckets.getOrDefault(le, 0L)));
    return new ServerTimes(diff, count - before.count, sumSeconds - before.sumSeconds,
        gcPauses.minus(before.gcPauses), connectionAcquires.minus(before.connectionAcquires));
  }

  public boolean hasHistogram() {
    return !buckets.isEmpty();
  }

  public double meanMs() {
    return count == 0 ? 0 : sumSeconds * 1000 / count;
  }

  /**
   * The upper bound, in milliseconds, of the bucket holding the given percentile (0-100); infinity
   * when it lies above the largest finite bound; 0 with no requests or no histogram.
   */
  public double percentileUpperBoundMs(double percentile) {
    long total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    if (total == 0) {
      return 0;
    }
    double rank = Math.ceil(percentile / 100 * total);
    for (Map.Entry<Double, Long> e : buckets.entrySet()) {
      if (e.getValue() >= rank) {
        return e.getKey() * 1000;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static double bound(String le) {
    return le == null || le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new TreeMap<>();
    Matcher m = LABEL.matcher(text);
    while (m.find()) {
      labels.put(m.group(1), m.group(2));
    }
    return labels;
  }
}
