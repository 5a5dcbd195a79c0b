package io.gatehouse.validation.bench;

import io.gatehouse.validation.evaluation.domain.CsvReader;
import io.gatehouse.validation.evaluation.domain.DataEvaluation;
import io.gatehouse.validation.evaluation.domain.EvaluationOptions;
import io.gatehouse.validation.evaluation.domain.FastDoubles;
import io.gatehouse.validation.evaluation.domain.Mapping;
import io.gatehouse.validation.evaluation.domain.RowBuffer;
import io.gatehouse.validation.evaluation.domain.RowSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Evaluates a generated predictions file (label, score, two group attributes, five features) and,
 * in the same run, merely reads and parses it (splits every record into fields and parses every
 * numeric field to a double, the least any evaluation must do), and prints rows/s for both, their
 * ratio, the peak heap of each pass, and the machine. The file is generated once, deterministically
 * (seed 42), and kept.
 *
 * <pre>java -Xmx512m ... ValidationBenchmark [--rows N] [--repeat K] [--file PATH]</pre>
 */
public final class ValidationBenchmark {

  static final String HEADER = "label,score,region,segment,f_income,f_age,f_tenure,f_balance,f_channel\n";
  static final Mapping MAPPING = Mapping.parse("label", null, "score", List.of("region", "segment"),
      List.of("f_income", "f_age", "f_tenure", "f_balance", "f_channel"), 0.5);

  private ValidationBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = 10_000_000;
    int repeat = 3;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--file" -> file = Path.of(args[++i]);
        default -> {
          System.err.println("usage: ValidationBenchmark [--rows N] [--repeat K] [--file PATH]");
          System.exit(64);
        }
      }
    }
    if (file == null) {
      file = Path.of(".gatehouse", "bench", "predictions-" + rows + ".csv");
    }
    if (!Files.exists(file)) {
      long t = System.nanoTime();
      generate(file, rows);
      System.out.printf(Locale.ROOT, "generated %s (%d rows) in %.1f s%n", file, rows, (System.nanoTime() - t) / 1e9);
    }
    long bytes = Files.size(file);
    String sha = sha256(file);
    machine();
    System.out.printf(Locale.ROOT, "input     %s, %,d bytes, %,d rows, sha256 %s%n", file, bytes, rows, sha);
    System.out.println("mapping   label=label score=score (prediction = score >= 0.5) groups=region,segment"
        + " features=f_income,f_age,f_tenure,f_balance,f_channel");
    System.out.printf(Locale.ROOT, "load      %.2f (1-minute load average before the passes)%n", load());
    // one untimed warm-up pass of each on a prefix, so the JIT has compiled both paths
    warmUp(file, sha);
    List<Double> parse = new ArrayList<>();
    List<Double> eval = new ArrayList<>();
    List<Double> parseCpu = new ArrayList<>();
    List<Double> evalCpu = new ArrayList<>();
    List<Double> readerCpu = new ArrayList<>();
    List<Double> workerCpu = new ArrayList<>();
    com.sun.management.OperatingSystemMXBean cpu =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long parsePeak = 0;
    long evalPeak = 0;
    long counted = 0;
    long evaluated = 0;
    String reportRows = "";
    for (int r = 0; r < repeat; r++) {
      resetPeaks();
      long c = cpu.getProcessCpuTime();
      long t = System.nanoTime();
      counted = parseOnly(file);
      parse.add((System.nanoTime() - t) / 1e9);
      parseCpu.add((cpu.getProcessCpuTime() - c) / 1e9);
      parsePeak = Math.max(parsePeak, peakHeap());
      resetPeaks();
      c = cpu.getProcessCpuTime();
      t = System.nanoTime();
      DataEvaluation.Outcome o;
      ThreadCpu threads = ThreadCpu.start();
      try (InputStream in = Files.newInputStream(file)) {
        o = DataEvaluation.evaluate(in, "csv", sha, MAPPING, EvaluationOptions.DEFAULTS, Long.MAX_VALUE);
      }
      eval.add((System.nanoTime() - t) / 1e9);
      double[] split = threads.stop();
      readerCpu.add(split[0]);
      workerCpu.add(split[1]);
      evalCpu.add((cpu.getProcessCpuTime() - c) / 1e9);
      evalPeak = Math.max(evalPeak, peakHeap());
      if (o.failed()) {
        throw new IllegalStateException(o.failureMessage());
      }
      evaluated = o.rows();
      java.util.Map<?, ?> metrics = (java.util.Map<?, ?>) o.report().get("metrics");
      reportRows = metrics.get("roc_auc") + " (error bound " + metrics.get("roc_auc_error_bound") + ")";
      System.out.printf(Locale.ROOT, "pass %d    read+parse %.2f s (cpu %.2f s)   evaluate %.2f s (cpu %.2f s: reading "
          + "thread %.2f s, evaluating thread %.2f s)%n", r + 1, parse.get(r), parseCpu.get(r), eval.get(r),
          evalCpu.get(r), readerCpu.get(r), workerCpu.get(r));
    }
    double pm = median(parse);
    double em = median(eval);
    System.out.println();
    System.out.printf(Locale.ROOT, "read+parse  %,12.0f rows/s  (median of %d: %.2f s; min %.2f, max %.2f; %,d rows; "
        + "peak heap %d MiB)%n", counted / pm, repeat, pm, min(parse), max(parse), counted, parsePeak >> 20);
    System.out.printf(Locale.ROOT, "evaluate    %,12.0f rows/s  (median of %d: %.2f s; min %.2f, max %.2f; %,d rows; "
        + "peak heap %d MiB; sha256 verified while reading)%n", evaluated / em, repeat, em, min(eval), max(eval),
        evaluated, evalPeak >> 20);
    System.out.printf(Locale.ROOT, "ratio       evaluate / read+parse = %.2f  (%.0f MB/s evaluated)%n", em / pm,
        bytes / em / 1e6);
    System.out.printf(Locale.ROOT, "cpu time    read+parse %,.0f rows per CPU-second, evaluate %,.0f rows per CPU-second "
        + "(CPU time of the whole process, GC and JIT included: independent of other load on the machine)%n",
        counted / median(parseCpu), evaluated / median(evalCpu));
    double busiest = Math.max(median(readerCpu), median(workerCpu));
    System.out.printf(Locale.ROOT, "two cores   the evaluation runs on two threads; the busier one needs %.2f s of CPU "
        + "(median), so on two otherwise idle cores it would take about that: %,.0f rows/s%n", busiest,
        evaluated / busiest);
    System.out.printf(Locale.ROOT, "result      roc_auc %s; target >= 2,000,000 rows/s on 2 cores with -Xmx512m: "
        + "measured (wall clock, load %.1f) %s; from CPU time on two idle cores %s%n", reportRows, load(),
        evaluated / em >= 2_000_000 ? "met" : "NOT met", evaluated / busiest >= 2_000_000 ? "met" : "NOT met");
    System.out.printf(Locale.ROOT, "gc          %s%n", gc());
    System.out.printf(Locale.ROOT, "load        %.2f (1-minute load average after the passes)%n", load());
  }

  private static void warmUp(Path file, String sha) throws IOException {
    for (int i = 0; i < 2; i++) {
      try (InputStream in = new Prefix(Files.newInputStream(file), 64L << 20)) {
        DataEvaluation.evaluate(in, "csv", null, MAPPING, EvaluationOptions.DEFAULTS, Long.MAX_VALUE);
      }
      try (InputStream in = new Prefix(Files.newInputStream(file), 64L << 20)) {
        CsvReader.read(in, new ParsingSink());
      }
    }
  }

  /** Splits every record and parses its numeric fields; counts the records. */
  static long parseOnly(Path file) throws IOException {
    ParsingSink sink = new ParsingSink();
    try (InputStream in = Files.newInputStream(file)) {
      CsvReader.read(in, sink);
    }
    if (sink.sum == 42.4242) {
      System.out.println(); // keeps the parsed values alive
    }
    return sink.rows;
  }

  /** Parses score and the numeric features of each record to doubles, and nothing else. */
  static final class ParsingSink implements RowSink {
    private static final int[] NUMERIC = {1, 4, 5, 6, 7}; // score and the four numeric features
    long rows;
    double sum;

    @Override
    public List<String> columns() {
      return MAPPING.columns();
    }

    @Override
    public void row(RowBuffer r, long record) {
      rows++;
      for (int s : NUMERIC) {
        sum += FastDoubles.parse(r.buf, r.start[s], r.end[s]);
      }
    }

    @Override
    public void malformed(long record, String why) {
      rows++;
    }
  }

  /** Deterministic predictions: a score that separates the labels moderately, groups with different base rates. */
  static void generate(Path file, long rows) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    SplittableRandom r = new SplittableRandom(42);
    String[] regions = {"north", "south", "east", "west", "central"};
    String[] segments = {"retail", "small-business", "premium", "student"};
    String[] channels = {"web", "branch", "phone", "partner"};
    byte[] line = new byte[256];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
      out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
      for (long i = 0; i < rows; i++) {
        int region = r.nextInt(regions.length);
        int segment = r.nextInt(segments.length);
        double base = 0.2 + 0.05 * region + 0.03 * segment;
        int label = r.nextDouble() < base ? 1 : 0;
        double score = Math.min(1, Math.max(0, (label == 1 ? 0.62 : 0.38) + r.nextGaussian() * 0.18));
        int p = 0;
        p = put(line, p, label == 1 ? "1" : "0");
        line[p++] = ',';
        p = fixed(line, p, score, 6);
        line[p++] = ',';
        p = put(line, p, regions[region]);
        line[p++] = ',';
        p = put(line, p, segments[segment]);
        line[p++] = ',';
        p = fixed(line, p, 20_000 + r.nextDouble() * 180_000, 2);
        line[p++] = ',';
        p = fixed(line, p, 18 + r.nextInt(70), 0);
        line[p++] = ',';
        p = fixed(line, p, r.nextDouble() * 30, 1);
        line[p++] = ',';
        p = fixed(line, p, r.nextGaussian() * 5_000 + 2_000, 2);
        line[p++] = ',';
        p = put(line, p, channels[r.nextInt(channels.length)]);
        line[p++] = '\n';
        out.write(line, 0, p);
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int put(byte[] b, int p, String s) {
    for (int i = 0; i < s.length(); i++) {
      b[p++] = (byte) s.charAt(i);
    }
    return p;
  }

  /** {@code v} with {@code decimals} digits after the point (half up), without String.format. */
  private static int fixed(byte[] b, int p, double v, int decimals) {
    if (v < 0) {
      b[p++] = '-';
      v = -v;
    }
    long scale = (long) Math.pow(10, decimals);
    long n = Math.round(v * scale);
    long whole = n / scale;
    long frac = n % scale;
    p = put(b, p, Long.toString(whole));
    if (decimals > 0) {
      b[p++] = '.';
      String f = Long.toString(frac);
      for (int i = f.length(); i < decimals; i++) {
        b[p++] = '0';
      }
      p = put(b, p, f);
    }
    return p;
  }

  static String sha256(Path file) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static void machine() throws IOException {
    String cpu = "?";
    for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (l.startsWith("model name")) {
        cpu = l.substring(l.indexOf(':') + 1).trim();
        break;
      }
    }
    String mem = "?";
    for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (l.startsWith("MemTotal")) {
        mem = String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024);
        break;
      }
    }
    System.out.printf(Locale.ROOT, "machine   %d cores available, %s, RAM %s%n",
        Runtime.getRuntime().availableProcessors(), cpu, mem);
    System.out.printf(Locale.ROOT, "java      %s %s, max heap %d MiB, %s%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static String gc() {
    StringBuilder sb = new StringBuilder();
    for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
      sb.append(g.getName()).append(": ").append(g.getCollectionCount()).append(" collections, ")
          .append(g.getCollectionTime()).append(" ms; ");
    }
    return sb.toString();
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  private static double min(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private static double max(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  /**
   * CPU time of the calling thread and of the evaluation thread it starts, sampled every 20 ms (a
   * thread's CPU time cannot be read after it ended): at most 20 ms short.
   */
  static final class ThreadCpu {
    private final java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final long caller = Thread.currentThread().getId();
    private final long callerStart = mx.getCurrentThreadCpuTime();
    private final java.util.Map<Long, Long> latest = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread sampler;

    static ThreadCpu start() {
      ThreadCpu t = new ThreadCpu();
      t.sampler = new Thread(() -> {
        while (t.running) {
          for (java.lang.management.ThreadInfo i : t.mx.getThreadInfo(t.mx.getAllThreadIds())) {
            if (i != null && i.getThreadName().startsWith("evaluation-")) {
              long ns = t.mx.getThreadCpuTime(i.getThreadId());
              if (ns > 0) {
                t.latest.merge(i.getThreadId(), ns, Math::max);
              }
            }
          }
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "cpu-sampler");
      t.sampler.setDaemon(true);
      t.sampler.start();
      return t;
    }

    /** {reading thread, evaluating thread} CPU seconds. */
    double[] stop() throws InterruptedException {
      double reader = (mx.getCurrentThreadCpuTime() - callerStart) / 1e9;
      running = false;
      sampler.join();
      double worker = latest.values().stream().mapToLong(Long::longValue).sum() / 1e9;
      return new double[] {reader, worker};
    }
  }

  /** The first {@code limit} bytes of a stream. */
  private static final class Prefix extends java.io.FilterInputStream {
    private long left;

    Prefix(InputStream in, long limit) {
      super(in);
      left = limit;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
