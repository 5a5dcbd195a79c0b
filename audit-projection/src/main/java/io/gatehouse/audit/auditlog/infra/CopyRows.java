package io.gatehouse.audit.auditlog.infra;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Many rows into one table with PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the
 * transaction's connection: several times cheaper per row than INSERT for the log's entries.
 */
final class CopyRows {

  private CopyRows() {}

  static long copy(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    StringBuilder text = new StringBuilder(rows.size() * 1024);
    HexFormat hex = HexFormat.of();
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          text.append('\t');
        }
        Object v = row[i];
        if (v == null) {
          text.append("\\N");
        } else if (v instanceof byte[] b) {
          text.append("\\\\x").append(hex.formatHex(b));
        } else if (v instanceof Timestamp t) {
          text.append(t.toInstant().toString());
        } else {
          escape(text, v.toString());
        }
      }
      text.append('\n');
    }
    DataSource ds = jdbc.getDataSource();
    Connection c = DataSourceUtils.getConnection(ds);
    try {
      return c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", columns)
          + ") FROM STDIN", new StringReader(text.toString()));
    } catch (SQLException | IOException e) {
      throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, ds);
    }
  }

  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
  }
}
