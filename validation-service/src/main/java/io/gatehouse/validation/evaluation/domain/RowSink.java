package io.gatehouse.validation.evaluation.domain;

import java.util.List;

/** Where the readers put records: the {@link Evaluator}, or a test's recorder. */
public interface RowSink {

  /** The columns the sink wants, in slot order. */
  List<String> columns();

  /** One record; {@code record} is its 1-based number. The buffer is reused after the call. */
  void row(RowBuffer row, long record);

  /** A record that could not be split into the header's fields. */
  void malformed(long record, String why);

  /** Whether the sink reads slot {@code slot} as a number (a pipelined reader then parses it ahead). */
  default boolean numeric(int slot) {
    return true;
  }
}
