package io.gatehouse.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database on the real PostgreSQL server for one test class, dropped when the class is done.
 *
 * <pre>
 * &#64;RegisterExtension static PostgresDatabaseExtension db = new PostgresDatabaseExtension();
 * &#64;DynamicPropertySource static void props(DynamicPropertyRegistry r) { r.add("spring.datasource.url", db::jdbcUrl); }
 * </pre>
 *
 * The database is dropped through a store resource of the class's extension context, which JUnit
 * closes after every {@code afterAll} callback, so a Spring context of the class is already closed.
 * The server is taken from {@code GATEHOUSE_TEST_PG_HOST}/{@code _PORT}/{@code _USER}, default
 * 127.0.0.1:5432 as postgres.
 */
public final class PostgresDatabaseExtension implements BeforeAllCallback {

  private static final String HOST = env("GATEHOUSE_TEST_PG_HOST", "127.0.0.1");
  private static final String PORT = env("GATEHOUSE_TEST_PG_PORT", "5432");
  private static final String USER = env("GATEHOUSE_TEST_PG_USER", "postgres");

  private volatile String name = newName();

  private static String newName() {
    return "gh_test_" + ProcessHandle.current().pid() + "_"
        + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  }

  /**
   * A new database for each test class, also when one extension instance is shared by several
   * classes (a static field of a common base class).
   */
  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    name = newName();
    create();
    String created = name;
    context.getStore(ExtensionContext.Namespace.create(PostgresDatabaseExtension.class, created))
        .put("drop", (AutoCloseable) () -> admin("DROP DATABASE IF EXISTS " + created + " WITH (FORCE)"));
  }

  /** Creates the database now (also usable without JUnit, e.g. from a benchmark). */
  public PostgresDatabaseExtension create() throws SQLException {
    admin("CREATE DATABASE " + name);
    return this;
  }

  public void drop() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return url(name);
  }

  public String username() {
    return USER;
  }

  public static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database.toLowerCase(Locale.ROOT);
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
         Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
