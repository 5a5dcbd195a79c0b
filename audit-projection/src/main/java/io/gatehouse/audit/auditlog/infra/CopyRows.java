package io.gatehouse.audit.auditlog.infra;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Many rows into one table with PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)} on the
 * transaction's connection: several times cheaper per row than INSERT for the log's entries, and the
 * binary format sends byte arrays as they are (the text format doubled them into hex and escaped every
 * string, a fifth of the consumer's CPU in a replay).
 *
 * <p>A value's Java type names its column type, and must match the column exactly: {@link String}
 * for text and varchar, {@link Integer} for integer, {@link Long} for bigint, {@code byte[]} for bytea,
 * {@link Timestamp} for timestamptz; null for NULL.
 */
final class CopyRows {

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
  /** timestamptz counts microseconds from 2000-01-01T00:00:00Z (this many seconds after 1970's). */
  private static final long PG_EPOCH_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

  private CopyRows() {}

  static long copy(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    byte[] data = encode(columns.size(), rows);
    DataSource ds = jdbc.getDataSource();
    Connection c = DataSourceUtils.getConnection(ds);
    try {
      return c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns)
          + ") FROM STDIN (FORMAT binary)", new ByteArrayInputStream(data));
    } catch (SQLException | IOException e) {
      throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, ds);
    }
  }

  /** The binary COPY stream of the rows (PostgreSQL's documented format: header, tuples, trailer). */
  static byte[] encode(int columns, List<Object[]> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(SIGNATURE);
      out.writeInt(0); // flags: no OIDs
      out.writeInt(0); // header extension length
      for (Object[] row : rows) {
        if (row.length != columns) {
          throw new IllegalArgumentException("a row has " + row.length + " values for " + columns + " columns");
        }
        out.writeShort(columns);
        for (Object v : row) {
          field(out, v);
        }
      }
      out.writeShort(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Microseconds since PostgreSQL's epoch, rounded to the nearest as PostgreSQL rounds text input. */
  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L),
        (t.getNano() + 500) / 1000);
  }

  private static void field(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeInt(-1);
    } else if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    } else if (v instanceof byte[] b) {
      out.writeInt(b.length);
      out.write(b);
    } else if (v instanceof Integer i) {
      out.writeInt(4);
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeInt(8);
      out.writeLong(l);
    } else if (v instanceof Timestamp t) {
      out.writeInt(8);
      out.writeLong(micros(t.toInstant()));
    } else {
      throw new IllegalArgumentException("no binary COPY encoding for " + v.getClass().getName());
    }
  }
}
