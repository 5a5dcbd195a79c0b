package io.gatehouse.validation.evaluation.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming RFC 4180 reader that works on bytes: records end at LF or CRLF, fields are separated
 * by commas, a field in double quotes may hold commas, line breaks and doubled quotes. The first
 * record is the header. No String is made per field: each mapped field is handed to the
 * {@link Evaluator} as a byte range of the read buffer, unescaped in place when it had doubled
 * quotes. Memory: one buffer (1 MiB, grown up to {@link #MAX_RECORD_BYTES} for one very long record).
 *
 * <p>Leniencies, each documented in docs/metrics.md: a UTF-8 byte order mark is skipped; a record
 * with another number of fields than the header (an empty line included) is counted as malformed
 * and not evaluated; a quote inside an unquoted field is kept as data. Fatal: a quoted field not
 * closed before the end, text between a closing quote and the next separator, a mapped column
 * missing from the header or named twice in it.
 */
public final class CsvReader {

  public static final int MAX_RECORD_BYTES = 16 << 20;
  private static final int INITIAL = 1 << 20;

  private final InputStream in;
  private byte[] buf = new byte[INITIAL];
  private int limit;
  private int pos;
  private boolean eof;
  private long record; // data records seen, for messages
  private int lastStart; // where the record last returned by next() starts in buf
  // fields of the current record
  private int count;
  private int[] fs = new int[64];
  private int[] fe = new int[64];
  private boolean[] escaped = new boolean[64];

  private CsvReader(InputStream in) {
    this.in = in;
  }

  /** Reads every record of {@code in} into {@code evaluator}; returns the number of data records. */
  public static long read(InputStream in, RowSink evaluator) throws IOException {
    return new CsvReader(in).run(evaluator);
  }

  /**
   * Like {@link #read}, with the reading, hashing and splitting on the calling thread and the sink's
   * work on a second thread: records reach the sink in the same order, as the same bytes, so the
   * result is the same as {@link #read}'s to the bit. Two cores do the work of one pass.
   */
  public static long readPipelined(InputStream in, RowSink sink) throws IOException {
    try (Pipeline pipeline = new Pipeline(sink)) {
      long n = new CsvReader(in).run(pipeline);
      pipeline.finish();
      return n;
    }
  }

  /** Reads only: splits every record into fields and does nothing else (the benchmark's baseline). */
  public static long scan(InputStream in) throws IOException {
    CsvReader r = new CsvReader(in);
    long n = 0;
    if (!r.next()) {
      return 0;
    }
    while (r.next()) {
      n++;
    }
    return n;
  }

  private long run(RowSink evaluator) throws IOException {
    if (!next()) {
      throw new EvaluationFailure("malformed-data", "the CSV file is empty: it needs a header record");
    }
    List<String> header = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      header.add(new String(buf, fs[i], unescape(i) - fs[i], StandardCharsets.UTF_8).trim());
    }
    int columns = count;
    List<String> mapped = evaluator.columns();
    int[] columnOfSlot = new int[mapped.size()];
    for (int s = 0; s < columnOfSlot.length; s++) {
      int first = header.indexOf(mapped.get(s));
      if (first < 0) {
        throw new EvaluationFailure("column-not-found", "column '" + mapped.get(s)
            + "' is not in the CSV header; the header has " + header.size() + " columns: " + String.join(", ", header));
      }
      if (header.lastIndexOf(mapped.get(s)) != first) {
        throw new EvaluationFailure("column-ambiguous", "column '" + mapped.get(s) + "' appears twice in the CSV header");
      }
      columnOfSlot[s] = first;
    }
    RowBuffer row = new RowBuffer(columnOfSlot.length);
    long n = 0;
    while (next()) {
      n++;
      if (count != columns) {
        evaluator.malformed(n, count == 1 && fe[0] == fs[0] ? "empty line"
            : count + " fields where the header has " + columns);
        continue;
      }
      row.buf = buf;
      row.from = lastStart;
      row.to = pos;
      for (int s = 0; s < columnOfSlot.length; s++) {
        int c = columnOfSlot[s];
        row.start[s] = fs[c];
        row.end[s] = escaped[c] ? unescape(c) : fe[c];
      }
      evaluator.row(row, n);
    }
    return n;
  }

  /** Turns the doubled quotes of field {@code i} into single ones in place; returns its new end. */
  private int unescape(int i) {
    if (!escaped[i]) {
      return fe[i];
    }
    int w = fs[i];
    for (int r = fs[i]; r < fe[i]; r++) {
      buf[w++] = buf[r];
      if (buf[r] == '"') {
        r++; // skip the second quote of the pair
      }
    }
    escaped[i] = false;
    fe[i] = w;
    return w;
  }

  /** Splits the next record into {@link #fs}/{@link #fe}; false at the end of the data. */
  private boolean next() throws IOException {
    while (true) {
      if (pos == limit && !fill()) {
        return false; // no more data, nothing pending
      }
      if (record == 0 && pos == 0 && limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB
          && (buf[2] & 0xff) == 0xBF) {
        pos = 3;
      }
      int result = parse(pos);
      if (result >= 0) {
        lastStart = pos;
        pos = result;
        record++;
        return true;
      }
      if (eof) {
        throw new EvaluationFailure("malformed-data", "CSV record " + record
            + " (counting the header as 0) has a quoted field that is never closed");
      }
      // the record does not end in the buffer: keep it, read more, parse it again
      if (!fill()) {
        if (eof) {
          continue;
        }
      }
    }
  }

  /** Moves the pending bytes to the front (growing the buffer if one record fills it) and reads more. */
  private boolean fill() throws IOException {
    if (eof) {
      return pos < limit;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_RECORD_BYTES) {
        throw new EvaluationFailure("malformed-data", "CSV record " + record + " is longer than "
            + MAX_RECORD_BYTES + " bytes");
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
    return pos < limit;
  }

  /**
   * Parses one record starting at {@code p}; returns the position after its line break, or -1 if
   * the buffer ends first and more data may follow.
   */
  private int parse(int p) {
    final byte[] b = buf;
    final int lim = limit;
    count = 0;
    while (true) {
      if (count == fs.length) {
        fs = Arrays.copyOf(fs, count * 2);
        fe = Arrays.copyOf(fe, count * 2);
        escaped = Arrays.copyOf(escaped, count * 2);
      }
      int end;
      if (p < lim && b[p] == '"') {
        int s = p + 1;
        int q = s;
        boolean esc = false;
        while (true) {
          while (q < lim && b[q] != '"') {
            q++;
          }
          if (q >= lim) {
            return -1; // not closed in this buffer
          }
          if (q + 1 < lim && b[q + 1] == '"') {
            esc = true;
            q += 2;
            continue;
          }
          if (q + 1 >= lim && !eof) {
            return -1; // cannot tell a closing quote from a doubled one yet
          }
          break;
        }
        fs[count] = s;
        fe[count] = q;
        escaped[count] = esc;
        end = q + 1;
        if (end < lim && b[end] != ',' && b[end] != '\n' && b[end] != '\r') {
          throw new EvaluationFailure("malformed-data", "CSV record " + record
              + " (counting the header as 0) has text after the closing quote of field " + (count + 1));
        }
      } else {
        int q = p;
        while (q < lim) {
          byte c = b[q];
          if (c == ',' || c == '\n' || c == '\r') {
            break;
          }
          q++;
        }
        if (q >= lim && !eof) {
          return -1;
        }
        fs[count] = p;
        fe[count] = q;
        escaped[count] = false;
        end = q;
      }
      count++;
      if (end >= lim) {
        if (!eof) {
          return -1;
        }
        return end; // the last record has no line break
      }
      byte c = b[end];
      if (c == ',') {
        p = end + 1;
        continue;
      }
      if (c == '\n') {
        return end + 1;
      }
      // '\r': a CRLF, or a lone CR taken as a line break
      if (end + 1 >= lim && !eof) {
        return -1;
      }
      return end + 1 < lim && b[end + 1] == '\n' ? end + 2 : end + 1;
    }
  }
}
