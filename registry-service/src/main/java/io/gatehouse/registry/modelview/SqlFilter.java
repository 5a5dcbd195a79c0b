package io.gatehouse.registry.modelview;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause (conditions joined by AND) with its bound arguments. */
public final class SqlFilter {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> args = new ArrayList<>();

  public SqlFilter and(String condition, Object... values) {
    conditions.add(condition);
    args.addAll(List.of(values));
    return this;
  }

  public String where() {
    return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
  }

  public List<Object> args() {
    return args;
  }
}
