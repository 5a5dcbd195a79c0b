package io.gatehouse.local;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code gatehouse-local}: runs the local stack until Ctrl-C. */
public final class Main {

  static final String USAGE = """
      Usage: gatehouse-local [--no-build] [options]

      Starts PostgreSQL-backed Gatehouse services, a Kafka broker and the development identity
      provider on this machine and keeps them running until Ctrl-C. PostgreSQL itself must already
      run (see --jdbc-url).

      Options:
        --state-dir DIR        broker data, logs and pid files     (default: <repo>/.gatehouse)
        --db-prefix PREFIX     database name prefix                (default: gatehouse_)
        --kafka-port N         Kafka listener; controller on N+1   (default: 9092)
        --controller-port N    Kafka controller listener           (default: kafka port + 1)
        --idp-port N           development identity provider       (default: 9000)
        --base-port N          first service port, then +1 each    (default: 8081)
        --jdbc-url URL         admin connection, used to create the databases; the services get
                               the same host and port  (default: jdbc:postgresql://127.0.0.1:5432/postgres)
        --db-user USER         PostgreSQL user                     (default: postgres)
        --services A,B|none    start only these services           (default: all five; none =
                               Kafka and the identity provider only)
        --repo-root DIR        the Gatehouse checkout              (default: found from the launcher jar)
        --no-build             (gatehouse-local script) skip the Maven build
        --help                 this text

      Services and ports (base port 8081): registry-service 8081, approval-service 8082,
      validation-service 8083, monitoring-service 8084, audit-projection 8085; identity-provider
      9000 (a token: curl -s -u legal:gatehouse -X POST http://127.0.0.1:9000/dev/token).
      Exit status: 0 stopped by Ctrl-C, 1 a process failed to start, 2 PostgreSQL unreachable,
      3 a port is taken, 4 service jars not built, 64 bad option.
      """;

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.exit(status);
  }

  /** Returns the exit status; blocks until the JVM shuts down once the stack is running. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    LocalStack.Config config;
    try {
      config = parse(args, defaultRepoRoot());
    } catch (LocalStackException e) {
      err.println("gatehouse-local: " + e.getMessage());
      err.println("Try gatehouse-local --help.");
      return e.exitCode();
    }
    if (config == null) {
      out.print(USAGE);
      return 0;
    }
    LocalStack stack = new LocalStack(config, out);
    Thread hook = new Thread(stack::stop, "gatehouse-local-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stack.start();
    } catch (LocalStackException e) {
      if (!stack.isStopping()) {
        err.println();
        err.println("gatehouse-local: " + e.getMessage());
      }
      stack.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running already
      }
      return e.exitCode();
    }
    watch(stack, err);
    return 0;
  }

  /** Reports, once each, a service or the broker that exits while the stack runs. */
  private static void watch(LocalStack stack, PrintStream err) {
    Set<String> reported = new HashSet<>();
    while (!stack.isStopping()) {
      for (ServiceProcess s : stack.services()) {
        if (!s.isAlive() && !stack.isStopping() && reported.add(s.name())) {
          err.println("gatehouse-local: " + s.name() + " exited with code " + s.exitCode()
              + "; the rest keeps running. Last lines of " + Children.display(s.logFile()) + ":\n" + s.logTail(15));
        }
      }
      ServiceProcess idp = stack.identityProvider();
      if (idp != null && !idp.isAlive() && !stack.isStopping() && reported.add(idp.name())) {
        err.println("gatehouse-local: " + idp.name() + " exited with code " + idp.exitCode()
            + "; the services cannot check new tokens. Last lines of " + Children.display(idp.logFile()) + ":\n"
            + idp.logTail(15));
      }
      KafkaBroker broker = stack.broker();
      if (!broker.isAlive() && !stack.isStopping() && reported.add(LocalStack.KAFKA)) {
        err.println("gatehouse-local: the Kafka broker exited; see " + Children.display(broker.logFile()));
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The config for these arguments, or null when help was asked for. */
  static LocalStack.Config parse(String[] args, Path defaultRoot) {
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
    Path repoRoot = defaultRoot;
    Path stateDir = null;
    String dbPrefix = null;
    Integer kafkaPort = null;
    Integer controllerPort = null;
    Integer basePort = null;
    Integer idpPort = null;
    String jdbcUrl = null;
    String dbUser = null;
    List<String> services = null;
    for (int i = 0; i < list.size(); i++) {
      String opt = list.get(i);
      switch (opt) {
        case "--help", "-h" -> {
          return null;
        }
        case "--no-build" -> { } // the script's option; harmless here
        case "--repo-root" -> repoRoot = Path.of(value(list, ++i, opt));
        case "--state-dir" -> stateDir = Path.of(value(list, ++i, opt));
        case "--db-prefix" -> dbPrefix = value(list, ++i, opt);
        case "--kafka-port" -> kafkaPort = port(value(list, ++i, opt), opt);
        case "--controller-port" -> controllerPort = port(value(list, ++i, opt), opt);
        case "--base-port" -> basePort = port(value(list, ++i, opt), opt);
        case "--idp-port" -> idpPort = port(value(list, ++i, opt), opt);
        case "--jdbc-url" -> jdbcUrl = value(list, ++i, opt);
        case "--db-user" -> dbUser = value(list, ++i, opt);
        case "--services" -> {
          String v = value(list, ++i, opt).trim();
          services = v.equals("none") || v.isEmpty() ? List.of()
              : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        default -> throw new LocalStackException(LocalStackException.USAGE, "Unknown option '" + opt + "'.");
      }
    }
    if (!Files.isDirectory(repoRoot)) {
      throw new LocalStackException(LocalStackException.USAGE, "The repo root " + repoRoot + " is not a directory.");
    }
    LocalStack.Config c = LocalStack.Config.defaults(repoRoot);
    if (stateDir != null) {
      c = c.withStateDir(stateDir);
    }
    if (dbPrefix != null) {
      c = c.withDbPrefix(dbPrefix);
    }
    if (kafkaPort != null || controllerPort != null) {
      int k = kafkaPort != null ? kafkaPort : c.kafkaPort();
      c = c.withKafkaPorts(k, controllerPort != null ? controllerPort : k + 1);
    }
    if (basePort != null) {
      c = c.withBasePort(basePort);
    }
    if (idpPort != null) {
      c = c.withIdpPort(idpPort);
    }
    if (jdbcUrl != null || dbUser != null) {
      c = c.withAdminJdbc(jdbcUrl != null ? jdbcUrl : c.adminJdbcUrl(), dbUser != null ? dbUser : c.dbUser());
    }
    if (services != null) {
      c = c.withServices(services);
    }
    c.validate();
    return c;
  }

  private static String value(List<String> args, int i, String opt) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new LocalStackException(LocalStackException.USAGE, opt + " needs a value.");
    }
    return args.get(i);
  }

  private static int port(String value, String opt) {
    try {
      int port = Integer.parseInt(value);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new LocalStackException(LocalStackException.USAGE, opt + " needs a port number, not '" + value + "'.");
  }

  /**
   * The checkout this launcher was built in: the jar is {@code <root>/deploy/local/target/*.jar}
   * (or, in tests, the classes are in {@code <root>/deploy/local/target/classes}); else the working directory.
   */
  public static Path defaultRepoRoot() {
    try {
      Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = location.toAbsolutePath().getParent().getParent().getParent().getParent();
      if (root != null && Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("deploy/local"))) {
        return root;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // below
    }
    return Path.of("").toAbsolutePath();
  }
}
