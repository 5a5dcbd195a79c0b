package io.gatehouse.validation.evaluation.domain;

/**
 * One record as the readers hand it to the {@link Evaluator}: for each mapped column (slot) the
 * byte range of its value in {@link #buf}, or {@code start < 0} when the record has no such field.
 * Values are unquoted and unescaped already; the buffer is reused for the next record.
 */
public final class RowBuffer {

  public byte[] buf;
  /** The whole record's bytes, {@code buf[from, to)}, when the reader knows them (CSV), else -1. */
  public int from = -1;
  public int to = -1;
  public final int[] start;
  public final int[] end;
  /**
   * When {@link #parsed}: each slot's value as {@link FastDoubles#parse} reads it (trimmed), computed
   * ahead by the reading thread so that the evaluating thread does less.
   */
  public final double[] number;
  public boolean parsed;

  public RowBuffer(int slots) {
    start = new int[slots];
    end = new int[slots];
    number = new double[slots];
  }

  public void clear() {
    java.util.Arrays.fill(start, -1);
  }
}
