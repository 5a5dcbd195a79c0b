package io.gatehouse.local.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The physical limit the services sit on: single-row {@code INSERT} + {@code COMMIT} into a scratch
 * table, as fast as one connection (or several) can go. With {@code synchronous_commit=on} each
 * commit waits for its WAL flush, so one connection measures the flush latency of this disk and
 * several show how far group commit stretches it.
 */
public final class RawCommitProbe {

  /** Commits per second, and the latency of each INSERT + COMMIT. */
  public record Result(int connections, double seconds, long commits, double commitsPerSecond,
      Latencies.Summary latency) {}

  private final String jdbcUrl;
  private final String user;

  /** @param jdbcUrl a database the probe may create its scratch table in */
  public RawCommitProbe(String jdbcUrl, String user) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
  }

  Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("connectTimeout", "5");
    props.setProperty("ApplicationName", "gatehouse-bench");
    return DriverManager.getConnection(jdbcUrl, props);
  }

  /** Creates (or empties) the scratch table. */
  public void prepare() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGSERIAL PRIMARY KEY,"
          + " at TIMESTAMPTZ NOT NULL DEFAULT now(), payload TEXT NOT NULL)");
      s.execute("TRUNCATE bench_commit");
    }
  }

  /** {@code connections} threads, each inserting and committing one row at a time for {@code seconds}. */
  public Result run(int connections, int seconds) throws SQLException, InterruptedException {
    List<Connection> open = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        Connection c = connect();
        c.setAutoCommit(false);
        open.add(c);
      }
      Latencies latencies = new Latencies();
      LongAdder commits = new LongAdder();
      AtomicReference<SQLException> failure = new AtomicReference<>();
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      List<Thread> threads = new ArrayList<>();
      for (Connection c : open) {
        Thread t = new Thread(() -> {
          try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_commit (payload) VALUES (?)")) {
            // A payload the size of a small event, not the whole of one.
            String payload = "x".repeat(200);
            long now;
            while ((now = System.nanoTime()) < end && failure.get() == null) {
              insert.setString(1, payload);
              insert.executeUpdate();
              c.commit();
              latencies.recordNanos(System.nanoTime() - now);
              commits.increment();
            }
          } catch (SQLException e) {
            failure.compareAndSet(null, e);
          }
        }, "raw-commit-" + threads.size());
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (failure.get() != null) {
        throw failure.get();
      }
      return new Result(connections, elapsed, commits.sum(), commits.sum() / elapsed, latencies.summary());
    } finally {
      for (Connection c : open) {
        try {
          c.close();
        } catch (SQLException e) {
          // closing a scratch connection: nothing to do
        }
      }
    }
  }
}
