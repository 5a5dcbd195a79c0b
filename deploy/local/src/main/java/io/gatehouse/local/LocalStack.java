package io.gatehouse.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole local stack: checks PostgreSQL, ports and jars, creates the databases, starts the
 * development identity provider and the Kafka broker, waits until both are ready, then starts every
 * service in parallel (each told to trust the identity provider's tokens) and waits until all are
 * ready. {@link #stop()} stops the services first, then the identity provider, then the broker.
 *
 * <pre>{@code
 * LocalStack stack = new LocalStack(LocalStack.Config.defaults(repoRoot).withBasePort(18081));
 * stack.start();
 * stack.service("approval-service").kill();
 * stack.service("approval-service").start();
 * stack.service("approval-service").awaitReady(Duration.ofSeconds(120));
 * stack.stop();
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

  /**
   * A service module: its name (module directory, log name), its database suffix, and JVM options of
   * its own, after {@link ServiceProcess#DEFAULT_JVM_ARGS} and before a {@link Config#jvmArgs()} entry.
   */
  public record ServiceDefinition(String name, String databaseSuffix, List<String> jvmArgs) {
    public ServiceDefinition {
      jvmArgs = List.copyOf(jvmArgs);
    }
  }

  /**
   * approval-service answers sign-offs, promotions and admission while a caller waits, so its heap
   * is fixed and half of it young: a young collection comes every few seconds instead of every
   * second, what a command leaves behind for a second or two (the event store's cached events, a
   * Kafka batch) dies young instead of filling the old generation, and the old generation is not
   * collected whole under load. On the default heap it grew at 0.55 MB/s at 200 sign-offs/s and a
   * full collection stopped the service for 164 ms every minute or so (deploy/local/README.md,
   * "Benchmarks").
   */
  static final List<String> LATENCY_HEAP = List.of("-Xms384m", "-Xmn192m");

  /** In port order: registry-service gets the base port (8081), audit-projection base + 4. */
  public static final List<ServiceDefinition> SERVICES = List.of(
      new ServiceDefinition("registry-service", "registry", List.of()),
      new ServiceDefinition("approval-service", "approval", LATENCY_HEAP),
      new ServiceDefinition("validation-service", "validation", List.of()),
      new ServiceDefinition("monitoring-service", "monitoring", List.of()),
      new ServiceDefinition("audit-projection", "audit", List.of()));

  /** The key of {@link Config#jvmArgs()} for the broker's extra JVM options. */
  public static final String KAFKA = "kafka";

  /**
   * The development identity provider's module (and log, and {@link #service(String)} name): a
   * Spring Boot jar like the services, but without a database. Keys of {@link Config#jvmArgs()} and
   * {@link Config#appArgs()} use this name too.
   */
  public static final String IDENTITY_PROVIDER = "identity-provider";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

  /**
   * Where and how the stack runs.
   *
   * @param idpPort the identity provider's port; it is also the issuer the services trust
   *     ({@code http://127.0.0.1:<idpPort>})
   * @param services the services to start (names from {@link #SERVICES}); each keeps its port
   * @param jvmArgs extra JVM options by service name, or {@link #KAFKA} for the broker
   * @param appArgs extra application arguments by service name ({@code --key=value} overrides ours)
   */
  public record Config(
      Path repoRoot,
      Path stateDir,
      int kafkaPort,
      int controllerPort,
      int idpPort,
      int basePort,
      String dbPrefix,
      String adminJdbcUrl,
      String dbUser,
      List<String> services,
      Map<String, List<String>> jvmArgs,
      Map<String, List<String>> appArgs,
      Duration readyTimeout) {

    public Config {
      repoRoot = repoRoot.toAbsolutePath().normalize();
      stateDir = stateDir.toAbsolutePath().normalize();
      services = List.copyOf(services);
      jvmArgs = Map.copyOf(jvmArgs);
      appArgs = Map.copyOf(appArgs);
    }

    public static Config defaults(Path repoRoot) {
      return new Config(repoRoot, repoRoot.resolve(".gatehouse"), 9092, 9093, 9000, 8081, "gatehouse_",
          "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
          SERVICES.stream().map(ServiceDefinition::name).toList(), Map.of(), Map.of(), Duration.ofSeconds(120));
    }

    public Config withStateDir(Path dir) {
      return new Config(repoRoot, dir, kafkaPort, controllerPort, idpPort, basePort, dbPrefix, adminJdbcUrl, dbUser,
          services, jvmArgs, appArgs, readyTimeout);
    }

    public Config withKafkaPorts(int kafka, int controller) {
      return new Config(repoRoot, stateDir, kafka, controller, idpPort, basePort, dbPrefix, adminJdbcUrl, dbUser,
          services, jvmArgs, appArgs, readyTimeout);
    }

    public Config withIdpPort(int port) {
      return new Config(repoRoot, stateDir, kafkaPort, controllerPort, port, basePort, dbPrefix, adminJdbcUrl, dbUser,
          services, jvmArgs, appArgs, readyTimeout);
    }

    public Config withBasePort(int port) {
      return new Config(repoRoot, stateDir, kafkaPort, controllerPort, idpPort, port, dbPrefix, adminJdbcUrl, dbUser,
          services, jvmArgs, appArgs, readyTimeout);
    }

    public Config withDbPrefix(String prefix) {
      return new Config(repoRoot, stateDir, kafkaPort, controllerPort, idpPort, basePort, prefix, adminJdbcUrl, dbUser,
          services, jvmArgs, appArgs, readyTimeout);
    }

    public Config withAdminJdbc(String url, String user) {
      return new Config(repoRoot, stateDir, kafkaPort, controllerPort, idpPort, basePort, dbPrefix, url, user,
          services, jvmArgs, appArgs, readyTimeout);
    }

    public Config withServices(List<String> names) {
      return new Config(repoRoot, stateDir, kafkaPort, controllerPort, idpPort, basePort, dbPrefix, adminJdbcUrl, dbUser,
          names, jvmArgs, appArgs, readyTimeout);
    }

    public Config withJvmArgs(String name, String... args) {
      Map<String, List<String>> copy = new HashMap<>(jvmArgs);
      copy.put(name, List.of(args));
      return new Config(repoRoot, stateDir, kafkaPort, controllerPort, idpPort, basePort, dbPrefix, adminJdbcUrl, dbUser,
          services, copy, appArgs, readyTimeout);
    }

    public Config withAppArgs(String name, String... args) {
      Map<String, List<String>> copy = new HashMap<>(appArgs);
      copy.put(name, List.of(args));
      return new Config(repoRoot, stateDir, kafkaPort, controllerPort, idpPort, basePort, dbPrefix, adminJdbcUrl, dbUser,
          services, jvmArgs, copy, readyTimeout);
    }

    public Config withReadyTimeout(Duration timeout) {
      return new Config(repoRoot, stateDir, kafkaPort, controllerPort, idpPort, basePort, dbPrefix, adminJdbcUrl, dbUser,
          services, jvmArgs, appArgs, timeout);
    }

    public int portOf(String service) {
      return IDENTITY_PROVIDER.equals(service) ? idpPort : basePort + indexOf(service);
    }

    /** The identity provider's base URL, which is also the {@code iss} of its tokens. */
    public String issuer() {
      return "http://127.0.0.1:" + idpPort;
    }

    public String databaseOf(String service) {
      return dbPrefix + SERVICES.get(indexOf(service)).databaseSuffix();
    }

    /** The JDBC URL of a service's database: the admin URL with its database replaced. */
    public String jdbcUrlOf(String service) {
      Matcher m = PG_URL.matcher(adminJdbcUrl);
      if (!m.matches()) {
        throw new LocalStackException(LocalStackException.USAGE, "The admin JDBC URL " + adminJdbcUrl
            + " does not look like jdbc:postgresql://HOST:PORT/DATABASE.");
      }
      return m.group(1) + databaseOf(service) + (m.group(3) == null ? "" : m.group(3));
    }

    void validate() {
      for (String s : services) {
        indexOf(s);
      }
      if (!IDENTIFIER.matcher(dbPrefix).matches()) {
        throw new LocalStackException(LocalStackException.USAGE,
            "The database prefix '" + dbPrefix + "' must be lower-case letters, digits and _ (e.g. gatehouse_).");
      }
      jdbcUrlOf(SERVICES.get(0).name());
      for (int port : List.of(kafkaPort, controllerPort, idpPort, basePort, basePort + SERVICES.size() - 1)) {
        if (port < 1 || port > 65535) {
          throw new LocalStackException(LocalStackException.USAGE, "Port " + port + " is out of range.");
        }
      }
      if (kafkaPort == controllerPort
          || (kafkaPort >= basePort && kafkaPort < basePort + SERVICES.size())
          || (controllerPort >= basePort && controllerPort < basePort + SERVICES.size())) {
        throw new LocalStackException(LocalStackException.USAGE, "Kafka ports " + kafkaPort + "/" + controllerPort
            + " collide with each other or with the service ports " + basePort + "-" + (basePort + SERVICES.size() - 1) + ".");
      }
      if (idpPort == kafkaPort || idpPort == controllerPort
          || (idpPort >= basePort && idpPort < basePort + SERVICES.size())) {
        throw new LocalStackException(LocalStackException.USAGE, "The identity provider port " + idpPort
            + " collides with the Kafka ports " + kafkaPort + "/" + controllerPort + " or the service ports "
            + basePort + "-" + (basePort + SERVICES.size() - 1) + ".");
      }
    }

    private static int indexOf(String service) {
      for (int i = 0; i < SERVICES.size(); i++) {
        if (SERVICES.get(i).name().equals(service)) {
          return i;
        }
      }
      throw new LocalStackException(LocalStackException.USAGE, "Unknown service '" + service + "'; known: "
          + String.join(", ", SERVICES.stream().map(ServiceDefinition::name).toList()) + ".");
    }
  }

  private final Config config;
  private final PrintStream out;
  private final KafkaBroker broker;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private volatile ServiceProcess identityProvider;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Object lifecycle = new Object();
  private volatile boolean started;

  public LocalStack(Config config) {
    this(config, System.out);
  }

  /** @param out progress and the summary table; use {@link #quiet()} to silence them */
  public LocalStack(Config config, PrintStream out) {
    this.config = config;
    this.out = out;
    this.broker = new KafkaBroker(config.stateDir(), config.kafkaPort(), config.controllerPort(),
        config.jvmArgs().getOrDefault(KAFKA, List.of()));
  }

  /** A PrintStream that discards everything. */
  public static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  public Config config() {
    return config;
  }

  public KafkaBroker broker() {
    return broker;
  }

  /**
   * A started service by module name, e.g. {@code "approval-service"}, or the identity provider
   * ({@link #IDENTITY_PROVIDER}).
   */
  public ServiceProcess service(String name) {
    ServiceProcess service = IDENTITY_PROVIDER.equals(name) ? identityProvider : services.get(name);
    if (service == null) {
      throw new IllegalStateException(name + " is not part of this stack, or the stack has not started: "
          + services.keySet());
    }
    return service;
  }

  /** The identity provider once started, else null. */
  public ServiceProcess identityProvider() {
    return identityProvider;
  }

  /** The Gatehouse services started (not the identity provider: see {@link #identityProvider()}). */
  public List<ServiceProcess> services() {
    return List.copyOf(services.values());
  }

  public boolean isStopping() {
    return stopping.get();
  }

  /**
   * Starts everything and returns when every service is ready. On failure whatever was started is
   * stopped again and a {@link LocalStackException} tells what happened.
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    long t0 = System.nanoTime();
    config.validate();
    checkPostgres();
    checkPorts();
    Map<String, Path> jars = findJars();
    out.println("Gatehouse local stack: state in " + Children.display(config.stateDir()));
    List<String> created = createDatabases();
    out.println("  postgresql         " + config.adminJdbcUrl() + " ok" + (created.isEmpty()
        ? "" : "; created " + String.join(", ", created)));
    try {
      // The identity provider boots while the broker does; the services start once both are ready.
      long ti = System.nanoTime();
      ServiceProcess idp = new ServiceProcess(IDENTITY_PROVIDER, jars.get(IDENTITY_PROVIDER), config.idpPort(),
          config.stateDir(), config.jvmArgs().getOrDefault(IDENTITY_PROVIDER, List.of()), identityProviderArgs());
      synchronized (lifecycle) {
        abortIfStopping();
        identityProvider = idp;
        idp.start();
      }
      long tb = System.nanoTime();
      abortIfStopping();
      broker.start();
      out.printf(Locale.ROOT, "  kafka              %s ready in %.1f s%n", broker.bootstrapServers(), seconds(tb));
      await(List.of(idp), ti);
      for (String name : config.services()) {
        ServiceProcess service = new ServiceProcess(name, jars.get(name), config.portOf(name), config.stateDir(),
            serviceJvmArgs(name), appArgs(name));
        synchronized (lifecycle) { // so that a concurrent stop() either sees it or prevents it
          abortIfStopping();
          services.put(name, service);
          service.start();
        }
      }
      if (!services.isEmpty()) {
        out.println("  starting           " + String.join(", ", services.keySet()) + " ...");
      }
      await(new ArrayList<>(services.values()), System.nanoTime());
    } catch (RuntimeException e) {
      stopAll(false);
      throw e;
    }
    printSummary(seconds(t0));
  }

  /**
   * Services first (in parallel, SIGTERM, SIGKILL after 30 s), then the identity provider, then the
   * broker. Safe to call twice.
   */
  public void stop() {
    stopAll(true);
  }

  @Override
  public void close() {
    stop();
  }

  private void stopAll(boolean verbose) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    List<Thread> threads = new ArrayList<>();
    List<ServiceProcess> running;
    synchronized (lifecycle) {
      running = services.values().stream().filter(ServiceProcess::isAlive).toList();
    }
    if (verbose && !running.isEmpty()) {
      out.println("Stopping " + String.join(", ", running.stream().map(ServiceProcess::name).toList()) + " ...");
    }
    for (ServiceProcess service : running) {
      Thread t = new Thread(service::stop, "stop-" + service.name());
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ServiceProcess idp;
    synchronized (lifecycle) {
      idp = identityProvider;
    }
    boolean idpAlive = idp != null && idp.isAlive();
    if (idpAlive) {
      if (verbose) {
        out.println("Stopping " + IDENTITY_PROVIDER + " ...");
      }
      idp.stop();
    }
    boolean brokerAlive = broker.isAlive();
    if (brokerAlive) {
      if (verbose) {
        out.println("Stopping Kafka ...");
      }
      broker.stop();
    }
    if (verbose && (brokerAlive || idpAlive || !running.isEmpty())) {
      out.println("Stopped.");
    }
  }

  private void abortIfStopping() {
    if (stopping.get()) {
      throw new LocalStackException(LocalStackException.STARTUP_FAILED, "Stopped while starting.");
    }
  }

  /** The service's own JVM options, then the config's for it (a later option wins). */
  private List<String> serviceJvmArgs(String name) {
    List<String> args = new ArrayList<>();
    SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> args.addAll(s.jvmArgs()));
    args.addAll(config.jvmArgs().getOrDefault(name, List.of()));
    return args;
  }

  private List<String> appArgs(String name) {
    List<String> ours = new ArrayList<>(List.of(
        "--spring.datasource.url=" + config.jdbcUrlOf(name),
        "--spring.datasource.username=" + config.dbUser(),
        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        "--gatehouse.security.issuer=" + config.issuer(),
        "--gatehouse.security.jwk-set-uri=" + config.issuer() + "/oauth2/jwks"));
    if (name.equals("audit-projection")) {
      // the checkpoint signing key stays with the stack's state, like the identity provider's key
      ours.add("--gatehouse.audit.key-file=" + config.stateDir().resolve("audit").resolve("checkpoint-key.pem"));
    }
    if ("validation-service".equals(name)) {
      // evaluation data given as file: URIs must lie here (the README's example data is in it)
      ours.add("--gatehouse.validation.data-root=" + config.repoRoot().resolve("deploy/local/examples"));
    }
    return ServiceProcess.mergeArgs(ours, config.appArgs().getOrDefault(name, List.of()));
  }

  private List<String> identityProviderArgs() {
    List<String> ours = List.of(
        "--gatehouse.idp.issuer=" + config.issuer(),
        "--gatehouse.idp.key-file=" + config.stateDir().resolve("idp").resolve("signing-key.json"));
    return ServiceProcess.mergeArgs(ours, config.appArgs().getOrDefault(IDENTITY_PROVIDER, List.of()));
  }

  /** Until each process answers its readiness probe; fails on the first that exits or the timeout. */
  private void await(List<ServiceProcess> processes, long t0) {
    long deadline = t0 + config.readyTimeout().toNanos();
    List<ServiceProcess> pending = new ArrayList<>(processes);
    while (!pending.isEmpty()) {
      abortIfStopping();
      for (ServiceProcess service : List.copyOf(pending)) {
        LocalStackException died = service.checkStarting();
        if (died != null) {
          throw died;
        }
        if (service.isReady()) {
          pending.remove(service);
          out.printf(Locale.ROOT, "  %-18s ready on %s in %.1f s%n", service.name(), service.baseUrl(), seconds(t0));
        }
      }
      if (!pending.isEmpty() && System.nanoTime() > deadline) {
        throw pending.get(0).notReadyIn(config.readyTimeout());
      }
      if (!pending.isEmpty()) {
        Children.sleep(300);
      }
    }
  }

  private void printSummary(double totalSeconds) {
    String format = "  %-18s %-42s %s%n";
    out.println();
    out.printf(Locale.ROOT, "Gatehouse local stack ready in %.1f s%n", totalSeconds);
    out.printf(Locale.ROOT, format, "WHAT", "WHERE", "LOG");
    for (ServiceProcess s : services.values()) {
      out.printf(Locale.ROOT, format, s.name(), s.baseUrl(), Children.display(s.logFile()));
    }
    ServiceProcess idp = identityProvider;
    out.printf(Locale.ROOT, format, idp.name(), idp.baseUrl(), Children.display(idp.logFile()));
    out.printf(Locale.ROOT, format, "kafka", broker.bootstrapServers(), Children.display(broker.logFile()));
    out.printf(Locale.ROOT, "  %-18s %s%n", "postgresql", config.jdbcUrlOf(SERVICES.get(0).name())
        .replace(config.databaseOf(SERVICES.get(0).name()), config.dbPrefix() + "*"));
    out.println("A token (demo users: see identity-provider/README.md):  curl -s -u legal:gatehouse -X POST "
        + idp.baseUrl() + "/dev/token");
    out.println("Press Ctrl-C to stop everything.");
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  // --- checks --------------------------------------------------------------------------------

  private Connection connectAdmin() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", config.dbUser());
    props.setProperty("connectTimeout", "5");
    props.setProperty("loginTimeout", "10");
    props.setProperty("socketTimeout", "60");
    props.setProperty("ApplicationName", "gatehouse-local");
    return DriverManager.getConnection(config.adminJdbcUrl(), props);
  }

  private void checkPostgres() {
    try (Connection c = connectAdmin(); Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw postgresUnreachable(e);
    }
  }

  private LocalStackException postgresUnreachable(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String said = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    StringBuilder msg = new StringBuilder();
    msg.append("Cannot use PostgreSQL: tried ").append(config.adminJdbcUrl()).append(" as user ")
        .append(config.dbUser()).append(".\n");
    msg.append("  The driver said: ").append(said).append('\n');
    if (state.startsWith("28")) {
      msg.append("The server answered but refused the login. The local stack expects trust auth for user ")
          .append(config.dbUser()).append(" on 127.0.0.1 (see pg_hba.conf), or point it at another server:\n");
    } else {
      msg.append("The local stack keeps every service's data in PostgreSQL (15, trust auth, user postgres). To fix:\n")
          .append("  start it:          pg_ctlcluster 15 main start     (or: sudo service postgresql start)\n")
          .append("  or use another:    ");
    }
    msg.append("gatehouse-local --jdbc-url jdbc:postgresql://HOST:PORT/postgres --db-user USER");
    return new LocalStackException(LocalStackException.POSTGRES_UNREACHABLE, msg.toString());
  }

  private void checkPorts() {
    Map<Integer, String> wanted = new LinkedHashMap<>();
    wanted.put(config.kafkaPort(), "Kafka");
    wanted.put(config.controllerPort(), "Kafka controller");
    wanted.put(config.idpPort(), "identity provider");
    for (String name : config.services()) {
      wanted.put(config.portOf(name), name);
    }
    Map<Long, String> known = Children.knownPids(config.stateDir());
    List<String> taken = new ArrayList<>();
    wanted.forEach((port, what) -> {
      if (!Ports.isFree(port)) {
        taken.add("  port " + port + " (" + what + ") is in use: " + Ports.describeOwner(port, known));
      }
    });
    if (!taken.isEmpty()) {
      throw new LocalStackException(LocalStackException.PORT_IN_USE, "Ports needed by the stack are taken:\n"
          + String.join("\n", taken)
          + "\nStop what holds them, or move the stack: --kafka-port N (controller N+1), --idp-port N, --base-port N.");
    }
  }

  private Map<String, Path> findJars() {
    Map<String, Path> jars = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> modules = new ArrayList<>(config.services());
    modules.add(IDENTITY_PROVIDER);
    for (String name : modules) {
      Path target = config.repoRoot().resolve(name).resolve("target");
      Path newest = null;
      if (Files.isDirectory(target)) {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "*-exec.jar")) {
          for (Path jar : found) {
            if (newest == null || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(newest)) > 0) {
              newest = jar;
            }
          }
        } catch (IOException e) {
          newest = null;
        }
      }
      if (newest == null) {
        missing.add(name);
      } else {
        jars.put(name, newest);
      }
    }
    if (!missing.isEmpty()) {
      throw new LocalStackException(LocalStackException.JARS_MISSING, "No runnable jar for "
          + String.join(", ", missing) + " (looked for " + config.repoRoot() + "/<module>/target/*-exec.jar).\n"
          + "Build first, from " + config.repoRoot() + ":  mvn -B -q -DskipTests package\n"
          + "(./gatehouse-local does that for you unless given --no-build; --services picks a subset.)");
    }
    return jars;
  }

  private List<String> createDatabases() {
    List<String> created = new ArrayList<>();
    try (Connection c = connectAdmin()) {
      for (String name : config.services()) {
        String db = config.databaseOf(name);
        boolean exists;
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
          q.setString(1, db);
          try (ResultSet rs = q.executeQuery()) {
            exists = rs.next();
          }
        }
        if (!exists) {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + db + "\"");
            created.add(db);
          } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else was quicker
              throw e;
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new LocalStackException(LocalStackException.POSTGRES_UNREACHABLE,
          "Cannot create the databases through " + config.adminJdbcUrl() + " as user " + config.dbUser()
              + ": " + e.getMessage() + "\nThe user needs the CREATEDB privilege (postgres has it).");
    }
    return created;
  }
}
