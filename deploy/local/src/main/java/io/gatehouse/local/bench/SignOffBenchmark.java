package io.gatehouse.local.bench;

import io.gatehouse.local.DevTokens;
import io.gatehouse.local.LocalStack;
import io.gatehouse.local.LocalStackException;
import io.gatehouse.local.Main;
import io.gatehouse.local.Ports;
import io.gatehouse.local.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./gatehouse-bench}: starts a local stack of its own (databases {@code gatehouse_bench_*},
 * recreated each run), measures PostgreSQL's raw single-row commit rate, makes HIGH tier cases,
 * then drives sign-offs through approval-service's REST API: a discarded warm-up, an open-loop
 * rate phase and a closed-loop peak phase. Prints a report, writes it as JSON under
 * {@code .gatehouse/bench/}, and stops the stack (also on Ctrl-C and on failure).
 */
public final class SignOffBenchmark {

  static final String DB_PREFIX = "gatehouse_bench_";
  static final String RAW_DATABASE = DB_PREFIX + "raw";
  static final double P99_TARGET_MS = 50;
  static final double TARGET_RATE = 200;
  static final double PEAK_TARGET_RATIO = 0.5;
  /** The stack counts as idle again (event processors and Kafka caught up) below this many cores. */
  private static final double QUIET_CORES = 0.35;
  /** Above this many cores used by processes not ours during a phase, the verdict warns. */
  private static final double NOISY_CORES = 0.25;
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(180);
  private static final int SENDER_THREADS = 128;
  private static final int SAMPLED_CASES = 20;
  private static final int PROBE_SECONDS = 5;
  private static final int CEILING_SECONDS = 15;
  private static final String CEILING_PATH = "/actuator/health/liveness";
  private static final String SIGN_OFF_ROUTE = "/api/v1/cases/{caseId}/sign-offs";
  /** The bench stack's approval-service keeps a histogram of its request times (off by default). */
  static final String SERVER_HISTOGRAM =
      "--management.metrics.distribution.percentiles-histogram.http.server.requests=true";
  private static final int MAX_PEAK_CASES = 20_000;
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  /** The benchmark's own reads of approval-service (its scrapes, the case views), not the measured sign-offs. */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final BenchOptions options;
  private final Path repoRoot;
  private final PrintStream out;
  private final LocalStack.Config config;
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<Map<String, Object>> phases = new ArrayList<>();
  private final Map<String, CpuMeter.Usage> usages = new LinkedHashMap<>();
  private SignOffDriver.PhaseResult ceiling;
  private volatile LocalStack stack;
  private volatile boolean interrupted;
  private CpuMeter cpu;
  private Supplier<String> platformToken;
  private int step;

  SignOffBenchmark(BenchOptions options, Path repoRoot, PrintStream out) {
    this.options = options;
    this.repoRoot = repoRoot;
    this.out = out;
    this.config = LocalStack.Config.defaults(repoRoot)
        .withDbPrefix(DB_PREFIX)
        .withStateDir(repoRoot.resolve(".gatehouse").resolve("bench-state"))
        .withAppArgs("approval-service", SERVER_HISTOGRAM);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (LocalStackException e) {
      err.println("gatehouse-bench: " + e.getMessage());
      err.println("Try gatehouse-bench --help.");
      return e.exitCode();
    }
    if (options == null) {
      out.print(BenchOptions.USAGE);
      return 0;
    }
    SignOffBenchmark bench = new SignOffBenchmark(options, Main.defaultRepoRoot(), out);
    Thread hook = new Thread(() -> {
      bench.interrupted = true;
      bench.stopStack();
    }, "gatehouse-bench-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      bench.execute();
      return 0;
    } catch (LocalStackException e) {
      err.println();
      err.println("gatehouse-bench: " + e.getMessage());
      bench.recordFailure(e.getMessage());
      return e.exitCode();
    } catch (Exception e) {
      err.println();
      if (bench.interrupted) {
        err.println("gatehouse-bench: interrupted; the stack is stopped, the figures so far are in the report.");
        bench.recordFailure("interrupted");
        return 130;
      }
      err.println("gatehouse-bench: failed: " + e);
      bench.recordFailure(String.valueOf(e));
      return 1;
    } finally {
      bench.stopStack();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running already
      }
    }
  }

  // --- the run -------------------------------------------------------------------------------

  void execute() throws Exception {
    checkPortsFree();
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    report.put("benchmark", "signoff");
    report.put("startedAt", Instant.now().toString());
    report.put("reportFile", reportFile(stamp).toString());
    printHeader(stamp);
    recreateDatabases();
    resetStateDir();

    // The physical limit first, while nothing of ours competes with PostgreSQL for the CPU.
    RawCommitProbe.Result single;
    RawCommitProbe.Result multi;
    heading("Raw PostgreSQL commits: INSERT one row + COMMIT, database " + RAW_DATABASE
        + " (nothing else of ours running)");
    RawCommitProbe raw = new RawCommitProbe(config.jdbcUrlOf("registry-service").replace(
        config.databaseOf("registry-service"), RAW_DATABASE), config.dbUser());
    raw.prepare();
    single = raw.run(1, options.rawSeconds());
    printRaw(single);
    multi = raw.run(BenchOptions.RAW_CONNECTIONS, options.rawSeconds());
    printRaw(multi);
    Map<String, Object> rawJson = new LinkedHashMap<>();
    rawJson.put("singleConnection", rawJson(single));
    rawJson.put("connections" + BenchOptions.RAW_CONNECTIONS, rawJson(multi));
    report.put("raw", rawJson);

    heading("Stack: Kafka, identity provider and the five services (databases " + DB_PREFIX
        + "*, state in " + display(config.stateDir()) + ")");
    long t0 = System.nanoTime();
    stack = new LocalStack(config, LocalStack.quiet());
    stack.start();
    double startSeconds = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "   ready in %.1f s; logs in %s%n", startSeconds, display(config.stateDir().resolve("logs")));
    cpu = new CpuMeter(pids());
    settle();

    String registryUrl = stack.service("registry-service").baseUrl();
    String approvalUrl = stack.service("approval-service").baseUrl();
    String idpUrl = stack.service(LocalStack.IDENTITY_PROVIDER).baseUrl();
    Supplier<String> alice = freshToken(idpUrl, "alice");
    platformToken = freshToken(idpUrl, "platform");
    CaseFactory factory = new CaseFactory(registryUrl, approvalUrl, alice);
    int perCase = SignOffPlan.HIGH_TIER_SIGNERS.size();

    OpenLoopSchedule warmupRound = new OpenLoopSchedule(options.warmupRate(), WarmUp.ROUND_SECONDS);
    OpenLoopSchedule rate = new OpenLoopSchedule(options.rate(), options.durationSeconds());
    int roundCases = SignOffPlan.casesFor(warmupRound.count(), perCase);
    int warmupCases = options.warmupSeconds() == 0 ? 0 : WarmUp.rounds(options.warmupMaxSeconds()) * roundCases;
    int rateCases = SignOffPlan.casesFor(rate.count(), perCase);
    int probeCases = options.peakSeconds() > 0
        ? SignOffPlan.casesFor((long) (Math.max(2 * options.rate(), 400) * PROBE_SECONDS), perCase) : 0;
    List<String> cases = setUp(factory, warmupCases + rateCases + probeCases, "warm-up, rate and peak probe",
        "setup");

    if (warmupCases > 0) {
      warmUp(tokens(idpUrl), approvalUrl, cases.subList(0, warmupCases), roundCases, warmupRound);
    }
    List<String> rateCaseIds = cases.subList(warmupCases, warmupCases + rateCases);
    SignOffDriver.PhaseResult ratePhase = runOpenLoop("Rate", "rate", tokens(idpUrl), approvalUrl,
        SignOffPlan.roundByRound(rateCaseIds, SignOffPlan.HIGH_TIER_SIGNERS), rate, true);
    checkCaseViews(approvalUrl, alice.get(), rateCaseIds, rate.count());

    SignOffDriver.PhaseResult peakPhase = null;
    if (options.peakSeconds() > 0) {
      SignOffDriver.PhaseResult probe = runProbe(tokens(idpUrl), approvalUrl,
          SignOffPlan.roundByRound(cases.subList(warmupCases + rateCases, cases.size()), SignOffPlan.HIGH_TIER_SIGNERS));
      int peakCases = peakCases(Math.max(probe.throughput(), ratePhase.throughput()));
      List<String> peakCaseIds = setUp(factory, peakCases, "peak phase", "setup-peak");
      peakPhase = runClosedLoop(tokens(idpUrl), approvalUrl,
          SignOffPlan.roundByRound(peakCaseIds, SignOffPlan.HIGH_TIER_SIGNERS));
      settle();
      ceiling = runCeiling(approvalUrl);
    }
    verdicts(ratePhase, peakPhase, single);
    report.put("phases", phases);
    report.put("finishedAt", Instant.now().toString());
    writeReport();
  }

  private List<String> setUp(CaseFactory factory, int count, String forWhat, String key) throws InterruptedException {
    heading("Set-up: " + count + " HIGH tier cases for the " + forWhat + " (alice registers models of "
        + CaseFactory.VERSIONS_PER_MODEL + " versions through registry-service, " + CaseFactory.WORKERS
        + " in parallel; approval-service opens the cases)");
    CpuMeter.Snapshot before = cpu.snapshot();
    long t0 = System.nanoTime();
    List<String> cases = factory.create(count);
    double seconds = (System.nanoTime() - t0) / 1e9;
    CpuMeter.Usage usage = cpu.between(before, cpu.snapshot());
    out.printf(Locale.ROOT, "   %d cases open in %.1f s (%.0f cases/s, submission to open case)%n", cases.size(), seconds,
        cases.size() / seconds);
    printCpu(usage, cases.size(), "case");
    Map<String, Object> setup = new LinkedHashMap<>();
    setup.put("name", key);
    setup.put("cases", cases.size());
    setup.put("seconds", round(seconds));
    setup.put("casesPerSecond", round(cases.size() / seconds));
    setup.put("cpu", cpuJson(usage, cases.size()));
    setup.put("settleSeconds", round(settle()));
    phases.add(setup);
    return cases;
  }

  /**
   * The warm-up, discarded: rounds of {@link WarmUp#ROUND_SECONDS} s at the warm-up rate, each on cases
   * of its own, at least {@code --warmup} and then until approval-service's JIT compilers are quiet
   * ({@link WarmUp#done}), at most {@code --warmup-max}. A line per round, then the whole warm-up as a
   * phase (CPU, approval-service's own time) in the report, with its rounds and whether it ended warm.
   */
  private void warmUp(Map<String, String> tokens, String approvalUrl, List<String> cases, int roundCases,
      OpenLoopSchedule schedule) throws InterruptedException {
    int minRounds = WarmUp.rounds(options.warmupSeconds());
    int maxRounds = cases.size() / roundCases;
    heading("Warm-up (results discarded): " + fmt(schedule.ratePerSecond()) + " sign-offs/s offered (open loop) in "
        + "rounds of " + WarmUp.ROUND_SECONDS + " s, at least " + options.warmupSeconds() + " s, then until "
        + "approval-service's JIT compiles for at most " + fmt(WarmUp.QUIET_SHARE * WarmUp.ROUND_SECONDS)
        + " s of a round, at most " + options.warmupMaxSeconds() + " s");
    SignOffDriver driver = new SignOffDriver(approvalUrl, tokens);
    ServerTimes first = serverTimes(approvalUrl);
    CpuMeter.Snapshot before = cpu.snapshot();
    ServerTimes last = first;
    List<Map<String, Object>> rounds = new ArrayList<>();
    long sent = 0;
    long ok = 0;
    boolean done = false;
    int r = 0;
    while (r < maxRounds && !done) {
      List<SignOffPlan.Task> tasks = SignOffPlan.roundByRound(
          cases.subList(r * roundCases, (r + 1) * roundCases), SignOffPlan.HIGH_TIER_SIGNERS);
      SignOffDriver.PhaseResult result = driver.openLoop("warmup-" + (r + 1), tasks, schedule, SENDER_THREADS);
      ServerTimes now = serverTimes(approvalUrl);
      Double compiled = now == null || last == null ? null : now.compileSeconds() - last.compileSeconds();
      last = now;
      r++;
      sent += result.sent();
      ok += result.ok();
      done = WarmUp.done(r, minRounds, compiled);
      String jit = compiled == null ? "? (no metrics)" : String.format(Locale.ROOT, "%.1f s", compiled);
      out.printf(Locale.ROOT, "   round %d (%3d-%3d s)  %d of %d done, p99 %.1f ms; approval-service's JIT compiled"
          + " for %s%n", r, (r - 1) * WarmUp.ROUND_SECONDS, r * WarmUp.ROUND_SECONDS, result.ok(), result.sent(),
          result.latency().p99Ms(), jit);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("round", r);
      json.put("sent", result.sent());
      json.put("ok", result.ok());
      json.put("latencyMs", result.latency());
      json.put("compileSeconds", compiled == null ? null : round(compiled));
      rounds.add(json);
    }
    CpuMeter.Usage usage = cpu.between(before, cpu.snapshot());
    int seconds = r * WarmUp.ROUND_SECONDS;
    out.println(done
        ? "   warm after " + seconds + " s"
        : "   caution: approval-service's JIT was still compiling after " + seconds + " s (--warmup-max); the"
            + " next phase may time the compiler as well as the service");
    out.printf(Locale.ROOT, "   (discarded) %d of %d sign-offs done%n", ok, sent);
    printCpu(usage, ok, "sign-off");
    ServerTimes server = since(last, first);
    printServer(server);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", "warmup");
    json.put("discarded", true);
    json.put("mode", "open loop");
    json.put("offeredRate", schedule.ratePerSecond());
    json.put("seconds", seconds);
    json.put("warm", done);
    json.put("sent", sent);
    json.put("ok", ok);
    json.put("rounds", rounds);
    json.put("cpu", cpuJson(usage, ok));
    if (server != null) {
      json.put("approvalServiceOwnTime", serverJson(server));
    }
    json.put("settleSeconds", round(settle()));
    phases.add(json);
  }

  private SignOffDriver.PhaseResult runOpenLoop(String title, String key, Map<String, String> tokens, String approvalUrl,
      List<SignOffPlan.Task> tasks, OpenLoopSchedule schedule, boolean counts) throws InterruptedException {
    heading(title + ": " + fmt(schedule.ratePerSecond()) + " sign-offs/s offered for " + schedule.durationSeconds()
        + " s (open loop, " + schedule.count() + " sign-offs over " + tasks.size() / SignOffPlan.HIGH_TIER_SIGNERS.size()
        + " cases; latency from each request's intended send time)");
    SignOffDriver driver = new SignOffDriver(approvalUrl, tokens);
    SignOffDriver.PhaseResult result =
        measured(approvalUrl, counts, () -> driver.openLoop(key, tasks, schedule, SENDER_THREADS));
    phases.get(phases.size() - 1).put("settleSeconds", round(settle()));
    return result;
  }

  private SignOffDriver.PhaseResult runClosedLoop(Map<String, String> tokens, String approvalUrl,
      List<SignOffPlan.Task> tasks) throws InterruptedException {
    heading("Peak: " + options.clients() + " clients as fast as they can for " + options.peakSeconds()
        + " s (closed loop; each client sends its next sign-off when the last answered; latency is each round trip)");
    SignOffDriver driver = new SignOffDriver(approvalUrl, tokens);
    return measured(approvalUrl, true,
        () -> driver.closedLoop("peak", tasks, options.clients(), options.peakSeconds()));
  }

  /** A phase of sign-offs, run by the driver. */
  private interface SignOffPhase {
    SignOffDriver.PhaseResult run() throws InterruptedException;
  }

  /**
   * Runs a phase between two CPU snapshots and two scrapes of approval-service, prints it and adds
   * it to the report (and, when it counts, to the verdict's CPU figures under its name).
   */
  private SignOffDriver.PhaseResult measured(String approvalUrl, boolean counts, SignOffPhase phase)
      throws InterruptedException {
    ServerTimes serverBefore = serverTimes(approvalUrl);
    CpuMeter.Snapshot before = cpu.snapshot();
    SignOffDriver.PhaseResult result = phase.run();
    CpuMeter.Usage usage = cpu.between(before, cpu.snapshot());
    ServerTimes server = since(serverTimes(approvalUrl), serverBefore);
    printPhase(result, usage, counts);
    printServer(server);
    Map<String, Object> json = phaseJson(result, usage, counts);
    if (server != null) {
      json.put("approvalServiceOwnTime", serverJson(server));
    }
    phases.add(json);
    if (counts) {
      usages.put(result.name(), usage);
    }
    return result;
  }

  /**
   * A short closed loop at the peak's concurrency on cases of its own, discarded: its throughput
   * sizes the peak phase's cases (each case takes only six sign-offs, and making cases during the
   * peak would measure set-up instead).
   */
  private SignOffDriver.PhaseResult runProbe(Map<String, String> tokens, String approvalUrl,
      List<SignOffPlan.Task> tasks) throws InterruptedException {
    heading("Peak probe (discarded): " + options.clients() + " clients for " + PROBE_SECONDS
        + " s, closed loop, to size the peak phase's cases");
    SignOffDriver.PhaseResult probe = new SignOffDriver(approvalUrl, tokens)
        .closedLoop("peak-probe", tasks, options.clients(), PROBE_SECONDS);
    out.printf(Locale.ROOT, "   (discarded) %d of %d sign-offs done, %d failed; throughput %.1f/s; p50 %.1f ms, p99 %.1f ms%s%n",
        probe.ok(), probe.sent(), probe.errorCount(), probe.throughput(), probe.latency().p50Ms(),
        probe.latency().p99Ms(), probe.note() == null ? "" : " (" + probe.note() + ")");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", probe.name());
    json.put("discarded", true);
    json.put("ok", probe.ok());
    json.put("errors", probe.errors());
    json.put("throughput", round(probe.throughput()));
    json.put("latencyMs", probe.latency());
    phases.add(json);
    return probe;
  }

  /**
   * The HTTP path alone: the peak's clients in a closed loop on approval-service's liveness probe
   * (no token, no database, no event) for {@link #CEILING_SECONDS} s. A sign-off takes this path
   * and a command besides, so no peak of sign-offs can pass it; the verdict sets it beside the
   * peak target.
   */
  private SignOffDriver.PhaseResult runCeiling(String approvalUrl) throws InterruptedException {
    heading("HTTP ceiling: " + options.clients() + " clients for " + CEILING_SECONDS + " s on GET " + CEILING_PATH
        + " (closed loop; no token, database or event: what the HTTP path alone answers on this machine)");
    CpuMeter.Snapshot before = cpu.snapshot();
    SignOffDriver.PhaseResult r = new SignOffDriver(approvalUrl, Map.of())
        .closedLoopGet("http-ceiling", CEILING_PATH, options.clients(), CEILING_SECONDS);
    CpuMeter.Usage usage = cpu.between(before, cpu.snapshot());
    out.printf(Locale.ROOT, "   %d requests answered, %d failed; throughput %.0f/s; p50 %.1f ms, p99 %.1f ms%n",
        r.ok(), r.errorCount(), r.throughput(), r.latency().p50Ms(), r.latency().p99Ms());
    printCpu(usage, r.ok(), "request");
    phases.add(phaseJson(r, usage, true));
    usages.put("http-ceiling", usage);
    return r;
  }

  /**
   * Cases for a peak phase running at twice the probe's throughput (or the rate phase's, when that
   * was higher): a peak outruns a 5 s probe by a warmer JIT or a quieter moment. Capped so that
   * set-up stays within minutes; if the peak still runs out of cases it ends early and says so, and
   * its throughput stays valid.
   */
  int peakCases(double throughput) {
    long signOffs = (long) Math.ceil(Math.max(throughput, 10) * 2 * options.peakSeconds());
    return Math.min(SignOffPlan.casesFor(signOffs, SignOffPlan.HIGH_TIER_SIGNERS.size()), MAX_PEAK_CASES);
  }

  private void verdicts(SignOffDriver.PhaseResult rate, SignOffDriver.PhaseResult peak, RawCommitProbe.Result single) {
    heading("Verdict");
    Map<String, Object> verdicts = new LinkedHashMap<>();
    double p99 = rate.latency().p99Ms();
    boolean clean = rate.errorCount() == 0 && rate.ok() == rate.sent();
    boolean p99Pass = p99 < P99_TARGET_MS && clean;
    String atRate = fmt(rate.offeredRate());
    out.printf(Locale.ROOT, "   p99 at %s/s: %.1f ms (target < %.0f ms): %s%s%s%n", atRate, p99, P99_TARGET_MS,
        p99Pass ? "PASS" : "FAIL", clean ? "" : " (" + (rate.sent() - rate.ok()) + " sign-offs failed)",
        rate.offeredRate() < TARGET_RATE ? "  [below the target's 200/s: not a verdict on the target]" : "");
    Map<String, Object> p99Verdict = new LinkedHashMap<>();
    p99Verdict.put("rate", rate.offeredRate());
    p99Verdict.put("p99Ms", round(p99));
    p99Verdict.put("targetMs", P99_TARGET_MS);
    p99Verdict.put("failedSignOffs", rate.sent() - rate.ok());
    p99Verdict.put("pass", p99Pass);
    verdicts.put("p99", p99Verdict);
    if (peak != null) {
      double ratio = peak.throughput() / single.commitsPerSecond();
      boolean peakPass = ratio >= PEAK_TARGET_RATIO;
      out.printf(Locale.ROOT, "   peak %.0f/s = %.2f x raw single-connection commit rate %.0f/s (target >= %.1f): %s%n",
          peak.throughput(), ratio, single.commitsPerSecond(), PEAK_TARGET_RATIO, peakPass ? "PASS" : "FAIL");
      Map<String, Object> peakVerdict = new LinkedHashMap<>();
      peakVerdict.put("throughput", round(peak.throughput()));
      peakVerdict.put("rawSingleConnectionCommitsPerSecond", round(single.commitsPerSecond()));
      peakVerdict.put("ratio", round(ratio));
      peakVerdict.put("target", PEAK_TARGET_RATIO);
      peakVerdict.put("pass", peakPass);
      if (ceiling != null) {
        double asked = PEAK_TARGET_RATIO * single.commitsPerSecond();
        out.printf(Locale.ROOT, "   the target asks for %.0f sign-offs/s; GET %s alone (no token, database or event)"
            + " peaked at %.0f/s here, %.2f x what the target asks%n", asked, CEILING_PATH, ceiling.throughput(),
            ceiling.throughput() / asked);
        peakVerdict.put("httpCeilingPerSecond", round(ceiling.throughput()));
        peakVerdict.put("httpCeilingPath", CEILING_PATH);
      }
      verdicts.put("peak", peakVerdict);
    } else {
      out.println("   peak: skipped (--peak-duration 0)");
    }
    out.println("   load average now: " + MachineInfo.loadAverage() + " (1, 5, 15 min; " + Runtime.getRuntime()
        .availableProcessors() + " cores)");
    Map<String, Object> others = new LinkedHashMap<>();
    usages.forEach((phase, u) -> {
      double otherCores = u.otherSeconds() / u.wallSeconds();
      others.put(phase, round(otherCores));
      if (cpu.available() && otherCores > NOISY_CORES) {
        out.printf(Locale.ROOT, "   caution: processes not ours used %.2f cores during the %s phase: its figures are"
            + " not the stack's alone; run again on a quiet machine%n", otherCores, phase);
      }
    });
    verdicts.put("otherCoresByPhase", others);
    report.put("verdicts", verdicts);
  }

  // --- stack and database housekeeping ------------------------------------------------------

  private void checkPortsFree() {
    Map<Integer, String> wanted = new LinkedHashMap<>();
    wanted.put(config.kafkaPort(), "Kafka");
    wanted.put(config.controllerPort(), "Kafka controller");
    wanted.put(config.idpPort(), "identity provider");
    for (String name : config.services()) {
      wanted.put(config.portOf(name), name);
    }
    List<String> taken = new ArrayList<>();
    wanted.forEach((port, what) -> {
      if (!Ports.isFree(port)) {
        taken.add("  port " + port + " (" + what + ") is in use: " + Ports.describeOwner(port, config.stateDir()));
      }
    });
    if (!taken.isEmpty()) {
      throw new LocalStackException(LocalStackException.PORT_IN_USE,
          "The benchmark runs its own stack on the usual ports, and they are taken (is another stack running?"
              + " ./gatehouse-local or a test):\n" + String.join("\n", taken)
              + "\nStop it first; the benchmark never shares a stack, so its figures stay comparable.");
    }
  }

  /** Drops every {@code gatehouse_bench_*} database so each run starts empty, and makes the scratch one. */
  private void recreateDatabases() {
    Properties props = new Properties();
    props.setProperty("user", config.dbUser());
    props.setProperty("connectTimeout", "5");
    try (Connection c = DriverManager.getConnection(config.adminJdbcUrl(), props); Statement s = c.createStatement()) {
      List<String> names = new ArrayList<>();
      for (LocalStack.ServiceDefinition service : LocalStack.SERVICES) {
        names.add(config.databaseOf(service.name()));
      }
      names.add(RAW_DATABASE);
      for (String db : names) {
        s.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
      }
      s.execute("CREATE DATABASE \"" + RAW_DATABASE + "\"");
    } catch (SQLException e) {
      throw new LocalStackException(LocalStackException.POSTGRES_UNREACHABLE, "Cannot recreate the "
          + DB_PREFIX + "* databases through " + config.adminJdbcUrl() + " as user " + config.dbUser() + ": "
          + e.getMessage() + "\nPostgreSQL must run at 127.0.0.1:5432 with trust auth for postgres"
          + " (pg_ctlcluster 15 main start).");
    }
  }

  /** Kafka's data goes with the databases: topics, offsets and the signing key start empty too. */
  private void resetStateDir() throws IOException {
    Path dir = config.stateDir();
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  void stopStack() {
    LocalStack s = stack;
    if (s != null) {
      s.stop();
    }
  }

  private Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (ServiceProcess s : stack.services()) {
      pids.put(s.name(), s.pid());
    }
    pids.put(LocalStack.IDENTITY_PROVIDER, stack.identityProvider().pid());
    pids.put("kafka", stack.broker().pid());
    pids.put("gatehouse-bench (this JVM)", ProcessHandle.current().pid());
    return pids;
  }

  /**
   * Waits until the stack is idle again: the work a phase leaves behind (event processors, Kafka
   * publishing and consuming, the audit projection) finishes before the next phase starts.
   */
  private double settle() throws InterruptedException {
    long t0 = System.nanoTime();
    int quiet = 0;
    while (System.nanoTime() - t0 < SETTLE_TIMEOUT.toNanos()) {
      CpuMeter.Snapshot a = cpu.snapshot();
      Thread.sleep(1000);
      CpuMeter.Usage u = cpu.between(a, cpu.snapshot());
      double stackCores = u.cpuSeconds().entrySet().stream()
          .filter(e -> !e.getKey().startsWith("gatehouse-bench"))
          .mapToDouble(Map.Entry::getValue).sum() / u.wallSeconds();
      quiet = stackCores < QUIET_CORES ? quiet + 1 : 0;
      if (quiet >= 2) {
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "   settled in %.0f s (stack below %.2f cores)%n", s, QUIET_CORES);
        return s;
      }
    }
    out.printf(Locale.ROOT, "   still busy after %d s; going on%n", SETTLE_TIMEOUT.toSeconds());
    return SETTLE_TIMEOUT.toSeconds();
  }

  /** A token of {@code user}, fetched again after half of its one-hour life. */
  private static Supplier<String> freshToken(String idpUrl, String user) {
    return new Supplier<>() {
      private String token;
      private long fetchedAt;

      @Override
      public synchronized String get() {
        if (token == null || System.nanoTime() - fetchedAt > Duration.ofMinutes(30).toNanos()) {
          token = DevTokens.fetch(idpUrl, user);
          fetchedAt = System.nanoTime();
        }
        return token;
      }
    };
  }

  private static Map<String, String> tokens(String idpUrl) {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("alice", DevTokens.fetch(idpUrl, "alice"));
    for (SignOffPlan.Signer s : SignOffPlan.HIGH_TIER_SIGNERS) {
      tokens.put(s.user(), DevTokens.fetch(idpUrl, s.user()));
    }
    return tokens;
  }

  /**
   * Every sign-off answered 2xx must be in approval-service's case view once the stack settled: a
   * sample of the rate phase's cases is read back and compared with what the plan sent to each.
   */
  private void checkCaseViews(String approvalUrl, String token, List<String> cases, int sent) {
    int sample = Math.min(SAMPLED_CASES, cases.size());
    int matching = 0;
    List<String> mismatches = new ArrayList<>();
    for (int j = 0; j < sample; j++) {
      // Evenly over the list, so that cases with a partial last round are sampled too.
      int index = (int) ((long) j * cases.size() / sample);
      String caseId = cases.get(index);
      int expected = SignOffPlan.signOffsOf(index, cases.size(), SignOffPlan.HIGH_TIER_SIGNERS.size(), sent);
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(approvalUrl + "/api/v1/cases/" + caseId))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        int seen = r.statusCode() == 200 ? JSON.readTree(r.body()).path("signOffs").size() : -r.statusCode();
        if (seen == expected) {
          matching++;
        } else {
          mismatches.add(caseId + " has " + seen + " of " + expected);
        }
      } catch (IOException | RuntimeException e) {
        mismatches.add(caseId + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    out.printf("   check: %d of %d sampled cases show exactly the sign-offs sent to them in the case view%s%n", matching,
        sample, mismatches.isEmpty() ? "" : "; NOT: " + String.join(", ", mismatches.subList(0, Math.min(3,
            mismatches.size()))) + " (errors above, or see approval-service.log)");
    report.put("caseViewCheck", Map.of("sampled", sample, "matching", matching, "mismatches", mismatches));
  }

  // --- output --------------------------------------------------------------------------------

  private void printHeader(String stamp) {
    MachineInfo m = MachineInfo.collect(config.adminJdbcUrl(), config.dbUser());
    String load = MachineInfo.loadAverage();
    out.println("Gatehouse sign-off benchmark, " + stamp);
    out.println();
    out.println("Machine");
    out.printf(Locale.ROOT, "   cores          %d (%s)%n", m.cores(), m.cpuModel());
    out.printf(Locale.ROOT, "   memory         %.1f GiB%n", m.memoryMiB() / 1024.0);
    out.printf(Locale.ROOT, "   java           %s (%s)%n", m.javaVersion(), m.javaVm());
    out.printf(Locale.ROOT, "   os             %s%n", m.os());
    out.printf(Locale.ROOT, "   postgresql     %s (synchronous_commit=%s, fsync=%s, wal_sync_method=%s)%n",
        m.postgresVersion(), m.synchronousCommit(), m.fsync(), m.walSyncMethod());
    out.printf(Locale.ROOT, "   load average   %s (1, 5, 15 min, before the run)%n", load);
    out.println("Inputs");
    out.printf(Locale.ROOT, "   raw commits    %d s on 1 connection, %d s on %d connections%n", options.rawSeconds(),
        options.rawSeconds(), BenchOptions.RAW_CONNECTIONS);
    out.printf(Locale.ROOT, "   warm-up        %s%n", options.warmupSeconds() == 0 ? "none"
        : options.warmupSeconds() + "-" + options.warmupMaxSeconds() + " s at " + fmt(options.warmupRate())
            + " sign-offs/s (open loop, discarded; until approval-service's JIT is quiet)");
    out.printf(Locale.ROOT, "   rate           %d s at %s sign-offs/s (open loop)%n", options.durationSeconds(),
        fmt(options.rate()));
    out.printf(Locale.ROOT, "   peak           %s%n", options.peakSeconds() == 0 ? "none"
        : options.peakSeconds() + " s, " + options.clients() + " clients (closed loop)");
    out.printf(Locale.ROOT, "   sign-off       POST /api/v1/cases/{id}/sign-offs APPROVE by eng, product, legal, ethics,"
        + " risk1, risk2 (6 per HIGH tier case, no gate results: the cases stay open)%n");
    out.println("   report         " + display(reportFile(stamp)));
    report.put("machine", m);
    report.put("loadAverageBefore", load);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("rate", options.rate());
    inputs.put("durationSeconds", options.durationSeconds());
    inputs.put("warmupRate", options.warmupRate());
    inputs.put("warmupSeconds", options.warmupSeconds());
    inputs.put("warmupMaxSeconds", options.warmupMaxSeconds());
    inputs.put("clients", options.clients());
    inputs.put("peakSeconds", options.peakSeconds());
    inputs.put("rawSeconds", options.rawSeconds());
    inputs.put("rawConnections", BenchOptions.RAW_CONNECTIONS);
    inputs.put("senderThreads", SENDER_THREADS);
    report.put("inputs", inputs);
  }

  private void heading(String text) {
    out.println();
    out.println(++step + ". " + text);
  }

  private void printRaw(RawCommitProbe.Result r) {
    out.printf(Locale.ROOT, "   %2d connection%s %8.0f commits/s   p50 %.2f ms  p99 %.2f ms  (%d commits in %.1f s)%n",
        r.connections(), r.connections() == 1 ? " " : "s", r.commitsPerSecond(), r.latency().p50Ms(),
        r.latency().p99Ms(), r.commits(), r.seconds());
  }

  private void printPhase(SignOffDriver.PhaseResult r, CpuMeter.Usage usage, boolean counts) {
    Latencies.Summary l = r.latency();
    if (!counts) {
      out.print("   (discarded) ");
    } else {
      out.print("   ");
    }
    out.printf(Locale.ROOT, "%d of %d sign-offs done, %d failed; throughput %.1f/s over %.1f s%n", r.ok(), r.sent(),
        r.errorCount(), r.throughput(), r.elapsedSeconds());
    out.printf(Locale.ROOT, "   latency  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms  (mean %.1f ms)%n",
        l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(), l.meanMs());
    r.errors().forEach((kind, n) -> {
      String sample = r.errorSamples().getOrDefault(kind, "").replaceAll("\\s+", " ").trim();
      out.printf(Locale.ROOT, "   errors   %-22s %d%s%n", kind, n, sample.isEmpty() ? "" : "  e.g. " + sample);
    });
    if (r.note() != null) {
      out.println("   note     " + r.note());
    }
    printCpu(usage, r.ok(), "sign-off");
    out.println("   load average " + MachineInfo.loadAverage());
  }

  /**
   * approval-service's own time for the sign-off route so far, from its Prometheus scrape; null if
   * the scrape failed (the phase's figures stand without it).
   */
  private ServerTimes serverTimes(String approvalUrl) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(approvalUrl + "/actuator/prometheus"))
          .header("Authorization", "Bearer " + platformToken.get())
          .timeout(Duration.ofSeconds(10))
          .GET()
          .build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        out.println("   (approval-service's /actuator/prometheus answered " + response.statusCode()
            + "; no server-side times for this phase)");
        return null;
      }
      return ServerTimes.parse(response.body(), "POST", SIGN_OFF_ROUTE);
    } catch (IOException e) {
      out.println("   (approval-service's /actuator/prometheus could not be read: " + e.getMessage()
          + "; no server-side times for this phase)");
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static ServerTimes since(ServerTimes after, ServerTimes before) {
    return after == null || before == null ? null : after.since(before);
  }

  /**
   * The same requests as approval-service timed them (filter chain to response), beside the
   * client's figures: the difference is the client, the network, Tomcat's queue and the scheduler.
   */
  private void printServer(ServerTimes t) {
    if (t == null) {
      return;
    }
    if (!t.hasHistogram()) {
      out.printf(Locale.ROOT, "   approval-service's own time  %d requests, mean %.1f ms (no histogram)%n", t.count(),
          t.meanMs());
      return;
    }
    out.printf(Locale.ROOT, "   approval-service's own time  %d requests, mean %.1f ms; p50 <= %s, p90 <= %s, "
        + "p99 <= %s, p99.9 <= %s (upper bounds of its histogram's buckets)%n", t.count(), t.meanMs(),
        bound(t.percentileUpperBoundMs(50)), bound(t.percentileUpperBoundMs(90)), bound(t.percentileUpperBoundMs(99)),
        bound(t.percentileUpperBoundMs(99.9)));
    out.printf(Locale.ROOT, "   approval-service's waits     GC paused it %d times, %.0f ms in all (mean %.1f ms); "
        + "%d waits for a pooled connection, mean %.2f ms; its JIT compiled for %.1f s%n", t.gcPauses().count(),
        t.gcPauses().seconds() * 1000, t.gcPauses().meanMs(), t.connectionAcquires().count(),
        t.connectionAcquires().meanMs(), t.compileSeconds());
  }

  private static Map<String, Object> serverJson(ServerTimes t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", t.count());
    m.put("meanMs", round(t.meanMs()));
    if (t.hasHistogram()) {
      m.put("p50UpperBoundMs", boundJson(t.percentileUpperBoundMs(50)));
      m.put("p90UpperBoundMs", boundJson(t.percentileUpperBoundMs(90)));
      m.put("p99UpperBoundMs", boundJson(t.percentileUpperBoundMs(99)));
      m.put("p99.9UpperBoundMs", boundJson(t.percentileUpperBoundMs(99.9)));
    }
    m.put("gcPauses", t.gcPauses().count());
    m.put("gcPauseMs", round(t.gcPauses().seconds() * 1000));
    m.put("connectionAcquires", t.connectionAcquires().count());
    m.put("connectionAcquireMeanMs", round(t.connectionAcquires().meanMs()));
    m.put("compileSeconds", round(t.compileSeconds()));
    return m;
  }

  private static Object boundJson(double ms) {
    return Double.isInfinite(ms) ? "+Inf" : round(ms);
  }

  private static String bound(double ms) {
    return Double.isInfinite(ms) ? "+Inf" : String.format(Locale.ROOT, "%.1f ms", ms);
  }

  private void printCpu(CpuMeter.Usage u, long units, String unit) {
    if (!cpu.available()) {
      return;
    }
    out.printf(Locale.ROOT, "   CPU over %.1f s   %8s %7s %12s%n", u.wallSeconds(), "seconds", "cores", "ms/" + unit);
    u.cpuSeconds().forEach((name, s) -> out.printf(Locale.ROOT, "     %-26s %7.1f %7.2f %12.2f%n", name, s,
        s / u.wallSeconds(), units == 0 ? 0 : s * 1000 / units));
    out.printf(Locale.ROOT, "     %-26s %7.1f %7.2f %12.2f%n", "other (not ours)", u.otherSeconds(),
        u.otherSeconds() / u.wallSeconds(), units == 0 ? 0 : u.otherSeconds() * 1000 / units);
    out.printf(Locale.ROOT, "     %-26s %7.1f %7.2f   of %d cores%n", "machine busy", u.machineBusySeconds(),
        u.machineBusySeconds() / u.wallSeconds(), Runtime.getRuntime().availableProcessors());
  }

  private Map<String, Object> phaseJson(SignOffDriver.PhaseResult r, CpuMeter.Usage usage, boolean counts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("discarded", !counts);
    m.put("mode", r.mode());
    if (r.offeredRate() > 0) {
      m.put("offeredRate", r.offeredRate());
    }
    m.put(r.mode().equals("open loop") ? "senderThreads" : "clients", r.clients());
    m.put("plannedSeconds", r.plannedSeconds());
    m.put("elapsedSeconds", round(r.elapsedSeconds()));
    m.put("sent", r.sent());
    m.put("ok", r.ok());
    m.put("errors", r.errors());
    m.put("errorSamples", r.errorSamples());
    m.put("throughput", round(r.throughput()));
    m.put("latencyMs", r.latency());
    m.put("okPerSecond", r.okPerSecond());
    m.put("cpu", cpuJson(usage, r.ok()));
    m.put("loadAverageAfter", MachineInfo.loadAverage());
    if (r.note() != null) {
      m.put("note", r.note());
    }
    return m;
  }

  private Map<String, Object> cpuJson(CpuMeter.Usage u, long units) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("wallSeconds", round(u.wallSeconds()));
    Map<String, Object> seconds = new LinkedHashMap<>();
    u.cpuSeconds().forEach((k, v) -> seconds.put(k, round(v)));
    seconds.put("other", round(u.otherSeconds()));
    m.put("cpuSeconds", seconds);
    m.put("machineBusySeconds", round(u.machineBusySeconds()));
    m.put("units", units);
    return m;
  }

  private static Map<String, Object> rawJson(RawCommitProbe.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("connections", r.connections());
    m.put("seconds", round(r.seconds()));
    m.put("commits", r.commits());
    m.put("commitsPerSecond", round(r.commitsPerSecond()));
    m.put("latencyMs", r.latency());
    return m;
  }

  private void recordFailure(String message) {
    report.put("failure", message);
    report.put("phases", phases);
    if (report.containsKey("reportFile")) {
      try {
        writeReport();
      } catch (RuntimeException | IOException e) {
        // the failure itself was printed already
      }
    }
  }

  private void writeReport() throws IOException {
    Path file = Path.of((String) report.get("reportFile"));
    Files.createDirectories(file.getParent());
    Files.writeString(file, JSON.writeValueAsString(report) + "\n");
    out.println();
    out.println("Report written to " + display(file));
  }

  private Path reportFile(String stamp) {
    return repoRoot.resolve(".gatehouse").resolve("bench").resolve("signoff-" + stamp + ".json");
  }

  private static String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static String fmt(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%.1f", rate);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
