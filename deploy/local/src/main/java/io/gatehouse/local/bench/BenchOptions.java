package io.gatehouse.local.bench;

import io.gatehouse.local.LocalStackException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./gatehouse-bench} was asked to do. Durations are whole seconds ({@code 60}, {@code 60s}
 * or {@code 2m}, at most 3000: a phase signs with the one-hour tokens fetched at its start); a warm-up
 * or peak duration of 0 skips that phase.
 *
 * @param rate sign-offs per second offered in the rate phase (open loop)
 * @param durationSeconds length of the rate phase
 * @param warmupRate sign-offs per second offered during the warm-up (open loop, results discarded)
 * @param warmupSeconds shortest warm-up; it goes on in rounds of 15 s until approval-service's JIT
 *     compilers are quiet ({@link WarmUp})
 * @param warmupMaxSeconds longest warm-up
 * @param clients concurrent clients of the peak phase (closed loop)
 * @param peakSeconds length of the peak phase
 * @param rawSeconds length of each raw PostgreSQL commit measurement (1 and 16 connections)
 */
public record BenchOptions(
    double rate,
    int durationSeconds,
    double warmupRate,
    int warmupSeconds,
    int warmupMaxSeconds,
    int clients,
    int peakSeconds,
    int rawSeconds) {

  /** Connections of the second raw commit measurement. */
  public static final int RAW_CONNECTIONS = 16;

  static final String USAGE = """
      Usage: gatehouse-bench [--no-build] [options]

      Measures sign-offs through approval-service's REST API on a local stack of its own (databases
      gatehouse_bench_*, state in .gatehouse/bench-state; the usual ports must be free), next to the
      raw single-row commit rate of the same PostgreSQL. Prints a report and writes it as JSON to
      .gatehouse/bench/signoff-<timestamp>.json.

      Phases: raw PostgreSQL commits (1 and 16 connections), set-up (cases to sign), warm-up
      (discarded), rate (open loop at --rate), peak (closed loop, --clients as fast as they can),
      HTTP ceiling (with the peak: the same clients for 15 s on a liveness probe, no work behind it).

      Options:
        --rate N             sign-offs/s offered in the rate phase       (default: 200)
        --duration S         rate phase length, seconds (60, 60s, 2m)   (default: 60)
        --warmup S           shortest warm-up; 0 skips it               (default: 45)
        --warmup-max S       longest warm-up: it goes on in rounds of 15 s until
                             approval-service's JIT compiles for at most 1.5 s a round (default: 120)
        --warmup-rate N      sign-offs/s offered during the warm-up      (default: 100)
        --clients N          concurrent clients of the peak phase        (default: 16)
        --peak-duration S    peak phase length; 0 skips it and the HTTP ceiling (default: 60)
        --raw-duration S     each raw PostgreSQL commit measurement      (default: 10)
        --no-build           (gatehouse-bench script) skip the Maven build
        --help               this text
      Durations are at most 3000 s each (a phase signs with the one-hour tokens fetched at its start).

      Targets (issue 4): p99 under 50 ms at 200 sign-offs/s; peak throughput at least half the raw
      single-connection commit rate. Exit status: 0 done (whatever the verdicts), 1 the stack or a
      phase failed, 2 PostgreSQL unreachable, 3 a port is taken (another stack runs), 4 jars not
      built, 64 bad option, 130 Ctrl-C.
      """;

  /** A phase uses the tokens fetched at its start, and they live an hour. */
  static final int MAX_SECONDS = 3000;
  private static final Pattern SECONDS = Pattern.compile("(\\d{1,6})(s|m)?");

  public static BenchOptions defaults() {
    return new BenchOptions(200, 60, 100, 45, 120, 16, 60, 10);
  }

  /** The options for these arguments, or null when help was asked for; bad ones throw (exit 64). */
  public static BenchOptions parse(String... args) {
    List<String> list = new ArrayList<>();
    for (String arg : args) { // --opt=value is the same as --opt value
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        list.add(arg.substring(0, eq));
        list.add(arg.substring(eq + 1));
      } else {
        list.add(arg);
      }
    }
    BenchOptions d = defaults();
    double rate = d.rate;
    int duration = d.durationSeconds;
    double warmupRate = d.warmupRate;
    int warmup = d.warmupSeconds;
    Integer warmupMax = null;
    int clients = d.clients;
    int peak = d.peakSeconds;
    int raw = d.rawSeconds;
    for (int i = 0; i < list.size(); i++) {
      String opt = list.get(i);
      switch (opt) {
        case "--help", "-h" -> {
          return null;
        }
        case "--no-build" -> { } // the script's option
        case "--rate" -> rate = positiveRate(value(list, ++i, opt), opt);
        case "--duration" -> duration = seconds(value(list, ++i, opt), opt, 1);
        case "--warmup" -> warmup = seconds(value(list, ++i, opt), opt, 0);
        case "--warmup-max" -> warmupMax = seconds(value(list, ++i, opt), opt, 1);
        case "--warmup-rate" -> warmupRate = positiveRate(value(list, ++i, opt), opt);
        case "--clients" -> clients = count(value(list, ++i, opt), opt, 1, 1024);
        case "--peak-duration" -> peak = seconds(value(list, ++i, opt), opt, 0);
        case "--raw-duration" -> raw = seconds(value(list, ++i, opt), opt, 1);
        default -> throw usage("Unknown option '" + opt + "'.");
      }
    }
    if (warmupMax == null) {
      warmupMax = Math.max(d.warmupMaxSeconds, warmup);
    } else if (warmupMax < warmup) {
      throw usage("--warmup-max (" + warmupMax + " s) must be at least --warmup (" + warmup + " s).");
    }
    return new BenchOptions(rate, duration, warmupRate, warmup, warmupMax, clients, peak, raw);
  }

  private static String value(List<String> args, int i, String opt) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw usage(opt + " needs a value.");
    }
    return args.get(i);
  }

  private static double positiveRate(String value, String opt) {
    try {
      double rate = Double.parseDouble(value);
      if (rate > 0 && rate <= 100_000) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw usage(opt + " needs sign-offs per second between 0 and 100000, not '" + value + "'.");
  }

  private static int seconds(String value, String opt, int min) {
    Matcher m = SECONDS.matcher(value.trim());
    if (m.matches()) {
      long s = Long.parseLong(m.group(1)) * ("m".equals(m.group(2)) ? 60 : 1);
      if (s >= min && s <= MAX_SECONDS) {
        return (int) s;
      }
    }
    throw usage(opt + " needs a duration of " + min + " to " + MAX_SECONDS + " seconds (e.g. 60, 60s, 2m), not '"
        + value + "'.");
  }

  private static int count(String value, String opt, int min, int max) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw usage(opt + " needs a whole number from " + min + " to " + max + ", not '" + value + "'.");
  }

  private static LocalStackException usage(String message) {
    return new LocalStackException(LocalStackException.USAGE, message);
  }
}
