package io.gatehouse.registry.mlflow;

import io.gatehouse.platform.jdbc.SqlFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MLflow's search filter, the SQL-like subset its registry accepts: conditions joined by AND (no OR),
 * each {@code key op value}; values quoted with ' or "; keys optionally back-quoted, e.g.
 * {@code name LIKE 'fraud%' AND tags.`mlflow.prompt.is_prompt` != 'true' AND run_id IN ('a','b')}.
 * A tag that is absent satisfies {@code !=}. Translated to a parameterised WHERE clause.
 */
public final class MlflowFilter {

  /** Which entity is searched: its keys and their columns. */
  public enum Target { MODELS, VERSIONS }

  private final String text;
  private int pos;

  private MlflowFilter(String text) {
    this.text = text;
  }

  public static SqlFilter parse(String filter, Target target) {
    SqlFilter sql = new SqlFilter();
    if (filter == null || filter.isBlank()) {
      return sql;
    }
    MlflowFilter p = new MlflowFilter(filter);
    do {
      p.condition(sql, target);
      p.skipSpace();
    } while (p.keyword("AND"));
    p.skipSpace();
    if (p.pos < p.text.length()) {
      throw bad(filter, "unexpected '" + p.text.substring(p.pos) + "' (only AND joins conditions)");
    }
    return sql;
  }

  private void condition(SqlFilter sql, Target target) {
    List<String> key = key();
    skipSpace();
    String op = operator();
    skipSpace();
    String first = key.get(0).toLowerCase(Locale.ROOT);
    if ((first.equals("tags") || first.equals("tag")) && key.size() > 1) {
      String tagKey = String.join(".", key.subList(1, key.size()));
      String column = (target == Target.MODELS ? "m" : "v") + ".tags ->> ?";
      stringCondition(sql, column, op, tagKey, true);
      return;
    }
    if (key.size() != 1) {
      throw bad(text, "invalid attribute key '" + String.join(".", key) + "'");
    }
    if (target == Target.MODELS) {
      if (first.equals("name")) {
        stringCondition(sql, "m.name", op, null, false);
        return;
      }
      throw bad(text, "invalid attribute key '" + key.get(0) + "'; registered models are searched by name and tags");
    }
    switch (first) {
      case "name" -> stringCondition(sql, "v.model_name", op, null, false);
      case "source_path" -> stringCondition(sql, "v.source", op, null, false);
      case "run_id" -> {
        if (op.equals("IN")) {
          List<String> values = list();
          sql.and("v.run_id IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")",
              values.toArray());
        } else {
          stringCondition(sql, "v.run_id", op, null, false);
        }
      }
      case "version_number" -> {
        if (!List.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
          throw bad(text, "version_number is compared with =, !=, <, <=, > or >=, not " + op);
        }
        long n = number();
        sql.and("v.version " + (op.equals("!=") ? "<>" : op) + " ?", n);
      }
      default -> throw bad(text, "invalid attribute key '" + key.get(0)
          + "'; model versions are searched by name, run_id, source_path, version_number and tags");
    }
  }

  private void stringCondition(SqlFilter sql, String column, String op, String tagKey, boolean tag) {
    if (op.equals("IN")) {
      throw bad(text, "IN is allowed for run_id only");
    }
    if (List.of("<", "<=", ">", ">=").contains(op)) {
      throw bad(text, "a string attribute is compared with =, !=, LIKE or ILIKE, not " + op);
    }
    String value = string();
    List<Object> args = new ArrayList<>();
    if (tag) {
      args.add(tagKey);
    }
    switch (op) {
      case "=" -> {
        args.add(value);
        sql.and(column + " = ?", args.toArray());
      }
      case "!=" -> {
        if (tag) {
          args.add(tagKey);
        }
        args.add(value);
        sql.and("(" + column + " IS NULL OR " + column + " <> ?)", args.toArray());
      }
      case "LIKE" -> {
        args.add(value);
        sql.and(column + " LIKE ?", args.toArray());
      }
      case "ILIKE" -> {
        args.add(value);
        sql.and(column + " ILIKE ?", args.toArray());
      }
      default -> throw bad(text, "unsupported operator " + op);
    }
  }

  private List<String> key() {
    skipSpace();
    List<String> parts = new ArrayList<>();
    while (true) {
      if (pos < text.length() && text.charAt(pos) == '`') {
        int end = text.indexOf('`', pos + 1);
        if (end < 0) {
          throw bad(text, "unclosed back-quote");
        }
        parts.add(text.substring(pos + 1, end));
        pos = end + 1;
      } else if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'') && !parts.isEmpty()) {
        parts.add(string());
      } else {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_-:".indexOf(text.charAt(pos)) >= 0)) {
          pos++;
        }
        if (start == pos) {
          throw bad(text, "expected an attribute key at position " + start);
        }
        parts.add(text.substring(start, pos));
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
      } else {
        return parts;
      }
    }
  }

  private String operator() {
    for (String op : List.of("!=", "<>", "<=", ">=", "=", "<", ">")) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return op.equals("<>") ? "!=" : op;
      }
    }
    for (String op : List.of("ILIKE", "LIKE", "IN")) {
      if (keyword(op)) {
        return op;
      }
    }
    throw bad(text, "expected an operator (=, !=, LIKE, ILIKE, IN, <, <=, >, >=) at position " + pos);
  }

  private boolean keyword(String word) {
    skipSpace();
    int end = pos + word.length();
    if (text.regionMatches(true, pos, word, 0, word.length())
        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
      pos = end;
      return true;
    }
    return false;
  }

  private String string() {
    skipSpace();
    if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
      throw bad(text, "expected a quoted value at position " + pos);
    }
    char quote = text.charAt(pos++);
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        if (pos < text.length() && text.charAt(pos) == quote) {
          value.append(quote);
          pos++;
          continue;
        }
        return value.toString();
      }
      value.append(c);
    }
    throw bad(text, "unclosed quoted value");
  }

  private long number() {
    skipSpace();
    int start = pos;
    if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
      String quoted = string();
      try {
        return Long.parseLong(quoted.trim());
      } catch (NumberFormatException e) {
        throw bad(text, "version_number needs a whole number, got '" + quoted + "'");
      }
    }
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
      pos++;
    }
    try {
      return Long.parseLong(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw bad(text, "version_number needs a whole number at position " + start);
    }
  }

  private List<String> list() {
    skipSpace();
    if (pos >= text.length() || text.charAt(pos) != '(') {
      throw bad(text, "IN needs a list of quoted values in parentheses");
    }
    pos++;
    List<String> values = new ArrayList<>();
    while (true) {
      values.add(string());
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
      } else if (pos < text.length() && text.charAt(pos) == ')') {
        pos++;
        return values;
      } else {
        throw bad(text, "IN list not closed with ')'");
      }
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static MlflowException bad(String filter, String why) {
    return MlflowException.invalid("Invalid filter '" + filter + "': " + why + ".");
  }
}
