package io.gatehouse.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

final class TestSupport {

  static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private TestSupport() {}

  /** A runnable jar holding only {@link FakeService}, at {@code <root>/<module>/target/<module>-0.1.0-SNAPSHOT-exec.jar}. */
  static Path writeFakeServiceJar(Path repoRoot, String module) throws IOException, URISyntaxException {
    Path target = Files.createDirectories(repoRoot.resolve(module).resolve("target"));
    Path jar = target.resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
    Path classDir = Path.of(FakeService.class.getResource("FakeService.class").toURI()).getParent();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        DirectoryStream<Path> classes = Files.newDirectoryStream(classDir, "FakeService*.class")) {
      for (Path c : classes) {
        out.putNextEntry(new JarEntry("io/gatehouse/local/" + c.getFileName()));
        out.write(Files.readAllBytes(c));
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * {@code config} on one block of free ports below the ephemeral range ({@link Ports#freeBlock}):
   * the services from its first port, then the broker, its controller and the identity provider.
   */
  static LocalStack.Config onFreePorts(LocalStack.Config config) {
    int services = LocalStack.SERVICES.size();
    int base = Ports.freeBlock(services + 3);
    return config.withBasePort(base)
        .withKafkaPorts(base + services, base + services + 1)
        .withIdpPort(base + services + 2);
  }

  /**
   * The whole stack as the system tests run it, from the repository's built jars: on free ports
   * ({@link #onFreePorts}), keeping its state in {@code state}, on databases named
   * {@code <dbPrefix><pid>_<service>} so that concurrent runs do not meet.
   */
  static LocalStack.Config systemConfig(Path state, String dbPrefix) {
    Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
    return onFreePorts(LocalStack.Config.defaults(root))
        .withStateDir(state)
        .withDbPrefix(dbPrefix + ProcessHandle.current().pid() + "_");
  }

  /** Stops {@code stack} (if it was made) and drops every service's database, even one still connected. */
  static void stopAndDropDatabases(LocalStack stack) throws Exception {
    if (stack == null) {
      return;
    }
    stack.stop();
    try (Connection c = DriverManager.getConnection(stack.config().adminJdbcUrl(), stack.config().dbUser(), "");
         Statement s = c.createStatement()) {
      for (LocalStack.ServiceDefinition d : LocalStack.SERVICES) {
        s.execute("DROP DATABASE IF EXISTS " + stack.config().databaseOf(d.name()) + " WITH (FORCE)");
      }
    }
  }

  static boolean databaseExists(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", null);
        var q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      q.setString(1, name);
      try (var rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void dropDatabasesWithPrefix(String prefix) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", null);
        Statement s = c.createStatement()) {
      var names = new java.util.ArrayList<String>();
      try (var q = c.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?)")) {
        q.setString(1, prefix);
        try (var rs = q.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1));
          }
        }
      }
      for (String n : names) {
        s.execute("DROP DATABASE IF EXISTS \"" + n + "\"");
      }
    }
  }
}
