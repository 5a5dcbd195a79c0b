package io.gatehouse.validation.evaluation.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON Lines: one JSON object per line, its members named as the mapping's columns. Strings,
 * numbers and booleans are values; {@code null} and absent members are missing. A member holding an
 * object or array makes the record malformed. Other members are skipped. Invalid JSON is fatal.
 */
public final class JsonLinesReader {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonLinesReader() {}

  public static long read(InputStream in, RowSink evaluator) throws IOException {
    List<String> columns = evaluator.columns();
    Map<String, Integer> slotOf = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      slotOf.put(columns.get(i), i);
    }
    RowBuffer row = new RowBuffer(columns.size());
    byte[] scratch = new byte[256];
    long n = 0;
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        n++;
        if (t != JsonToken.START_OBJECT) {
          throw new EvaluationFailure("malformed-data", "JSON Lines record " + n + " is not a JSON object");
        }
        row.clear();
        int used = 0;
        String malformed = null;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
          Integer slot = slotOf.get(p.currentName());
          t = p.nextToken();
          if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (slot != null && malformed == null) {
              malformed = "member " + p.currentName() + " holds an object or array";
            }
            p.skipChildren();
            continue;
          }
          if (slot == null || t == JsonToken.VALUE_NULL) {
            continue;
          }
          byte[] v = p.getString().getBytes(StandardCharsets.UTF_8);
          if (used + v.length > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, used + v.length));
          }
          System.arraycopy(v, 0, scratch, used, v.length);
          row.start[slot] = used;
          row.end[slot] = used + v.length;
          used += v.length;
        }
        if (malformed != null) {
          evaluator.malformed(n, malformed);
          continue;
        }
        row.buf = scratch;
        evaluator.row(row, n);
      }
    } catch (JacksonException e) {
      throw new EvaluationFailure("malformed-data", "JSON Lines record " + Math.max(n, 1) + " is not valid JSON: "
          + e.getOriginalMessage());
    }
    return n;
  }
}
