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
 * pooled database connection ({@code hikaricp_connections_acquire_seconds}); and the time its JIT
 * compilers spent compiling ({@code jvm_compilation_time_ms_total}), CPU taken from the requests while
 * the service is not yet warm.
 *
 * @param buckets cumulative counts by upper bound in seconds (the last is +Inf)
 * @param count requests
 * @param sumSeconds their total time
 * @param gcPauses the service's collector pauses, all of them
 * @param connectionAcquires waits for a pooled connection, every caller's
 * @param compileSeconds time spent in JIT compilation since the service started (0 when not exported)
 */
public record ServerTimes(NavigableMap<Double, Long> buckets, long count, double sumSeconds, Totals gcPauses,
    Totals connectionAcquires, double compileSeconds) {

  /** A timer's count and total seconds summed over its series. */
  public record Totals(long count, double seconds) {

    Totals minus(Totals before) {
      return new Totals(count - before.count, seconds - before.seconds);
    }

    public double meanMs() {
      return count == 0 ? 0 : seconds * 1000 / count;
    }
  }

  private static final String REQUESTS = "http_server_requests_seconds";
  private static final String GC_PAUSE = "jvm_gc_pause_seconds";
  private static final String ACQUIRE = "hikaricp_connections_acquire_seconds";
  private static final String COMPILATION = "jvm_compilation_time_ms_total";
  /**
   * A sample line: name, labels, value. Greedy up to the last brace: label values hold braces too
   * ({@code uri="/cases/{caseId}"}).
   */
  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{(.*)})?\\s+(\\S+)\\s*$");
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
    Map<String, Double> totals = new TreeMap<>();
    for (String line : scrape.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!m.find()) {
        continue;
      }
      String name = m.group(1);
      boolean requests = name.startsWith(REQUESTS + "_");
      if (!requests && !name.startsWith(GC_PAUSE + "_") && !name.startsWith(ACQUIRE + "_")
          && !name.equals(COMPILATION)) {
        continue;
      }
      double value = Double.parseDouble(m.group(3));
      if (requests) {
        Map<String, String> labels = labels(m.group(2));
        if (!method.equals(labels.get("method")) || !uri.equals(labels.get("uri"))) {
          continue;
        }
        if (name.equals(REQUESTS + "_bucket")) {
          buckets.merge(bound(labels.get("le")), Math.round(value), Long::sum);
          continue;
        }
      }
      totals.merge(name, value, Double::sum);
    }
    return new ServerTimes(buckets, Math.round(totals.getOrDefault(REQUESTS + "_count", 0.0)),
        totals.getOrDefault(REQUESTS + "_sum", 0.0), totals(totals, GC_PAUSE), totals(totals, ACQUIRE),
        totals.getOrDefault(COMPILATION, 0.0) / 1000);
  }

  /** A timer's {@code _count} and {@code _sum}, each summed over its series. */
  private static Totals totals(Map<String, Double> sums, String timer) {
    return new Totals(Math.round(sums.getOrDefault(timer + "_count", 0.0)), sums.getOrDefault(timer + "_sum", 0.0));
  }

  /** The requests between {@code before} and this scrape. */
  public ServerTimes since(ServerTimes before) {
    TreeMap<Double, Long> diff = new TreeMap<>();
    buckets.forEach((le, n) -> diff.put(le, n - before.buckets.getOrDefault(le, 0L)));
    return new ServerTimes(diff, count - before.count, sumSeconds - before.sumSeconds,
        gcPauses.minus(before.gcPauses), connectionAcquires.minus(before.connectionAcquires),
        compileSeconds - before.compileSeconds);
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
    Matcher m = LABEL.matcher(text == null ? "" : text);
    while (m.find()) {
      labels.put(m.group(1), m.group(2));
    }
    return labels;
  }
}
