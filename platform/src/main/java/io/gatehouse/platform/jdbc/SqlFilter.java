package io.gatehouse.platform.jdbc;

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

  /** Adds {@code condition} bound to {@code value} only when there is a value: an optional filter of a query. */
  public SqlFilter andIfPresent(String condition, Object value) {
    return value == null ? this : and(condition, value);
  }

  public String where() {
    return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
  }

  public List<Object> args() {
    return args;
  }

  /** The bound arguments followed by {@code trailing} ones (the query's own, such as a limit and offset). */
  public Object[] argsThen(Object... trailing) {
    List<Object> all = new ArrayList<>(args);
    all.addAll(List.of(trailing));
    return all.toArray();
  }
}
