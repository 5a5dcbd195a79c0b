package io.gatehouse.registry.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MLflow's order_by and page tokens (opaque to clients: base64 of {@code {"offset":N}}). */
public final class MlflowPaging {

  private static final Pattern TOKEN = Pattern.compile("\\{\"offset\":(\\d{1,12})\\}");
  private static final Pattern ORDER = Pattern.compile("\\s*`?([A-Za-z_]+)`?(?:\\s+(ASC|DESC))?\\s*",
      Pattern.CASE_INSENSITIVE);

  private MlflowPaging() {}

  public static String token(long offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("{\"offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8));
  }

  public static long offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      Matcher m = TOKEN.matcher(json);
      if (m.matches()) {
        return Long.parseLong(m.group(1));
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw MlflowException.invalid("Invalid page token, could not base64-decode or parse it: '" + token + "'.");
  }

  /**
   * The ORDER BY clause for MLflow's {@code order_by} entries; {@code columns} maps MLflow's keys to
   * columns, {@code ties} is appended so that paging is stable.
   */
  public static String orderBy(List<String> orderBy, Map<String, String> columns, String defaults, String ties) {
    if (orderBy == null || orderBy.isEmpty()) {
      return defaults + ", " + ties;
    }
    StringBuilder sql = new StringBuilder();
    for (String entry : orderBy) {
      Matcher m = ORDER.matcher(entry);
      String column = m.matches() ? columns.get(m.group(1).toLowerCase(Locale.ROOT)) : null;
      if (column == null) {
        throw MlflowException.invalid("Invalid order_by clause '" + entry + "'. Only " + String.join(", ",
            columns.keySet()) + " are allowed, each optionally followed by ASC or DESC.");
      }
      sql.append(column).append(m.group(2) != null && m.group(2).equalsIgnoreCase("DESC") ? " DESC" : " ASC")
          .append(", ");
    }
    return sql + ties;
  }
}
