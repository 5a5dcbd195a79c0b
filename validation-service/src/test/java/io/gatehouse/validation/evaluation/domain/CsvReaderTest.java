package io.gatehouse.validation.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 details, also when every record crosses a buffer boundary. */
class CsvReaderTest {

  /** The values of the named columns of each record, as strings. */
  static List<List<String>> rows(byte[] csv, boolean trickle, String... columns) throws Exception {
    List<List<String>> out = new ArrayList<>();
    RowSink sink = new RowSink() {
      @Override
      public List<String> columns() {
        return List.of(columns);
      }

      @Override
      public void row(RowBuffer row, long record) {
        List<String> values = new ArrayList<>();
        for (int s = 0; s < columns.length; s++) {
          values.add(new String(row.buf, row.start[s], row.end[s] - row.start[s], StandardCharsets.UTF_8));
        }
        out.add(values);
      }

      @Override
      public void malformed(long record, String why) {
        out.add(List.of("malformed " + record + ": " + why));
      }
    };
    CsvReader.read(trickle ? EvaluatorTest.trickle(csv) : new ByteArrayInputStream(csv), sink);
    return out;
  }

  @Test
  void readsQuotedFieldsWithCommasLineBreaksAndDoubledQuotes() throws Exception {
    String csv = "\uFEFFy,yhat,g\r\n1,0,\"a, \"\"b\"\"\nc\"\r\n0,1,plain\r\n1,1,\"\"";
    for (boolean trickle : new boolean[] {false, true}) {
      List<List<String>> rows = rows(csv.getBytes(StandardCharsets.UTF_8), trickle, "y", "yhat", "g");
      assertThat(rows).containsExactly(List.of("1", "0", "a, \"b\"\nc"), List.of("0", "1", "plain"),
          List.of("1", "1", ""));
    }
  }

  @Test
  void refusesAnUnclosedQuote() {
    assertThatThrownBy(() -> rows("y,yhat\n1,\"0\n".getBytes(StandardCharsets.UTF_8), false, "y", "yhat"))
        .isInstanceOf(EvaluationFailure.class).hasMessageContaining("never closed");
  }

  @Test
  void refusesTextAfterAClosingQuote() {
    assertThatThrownBy(() -> rows("y,yhat\n1,\"0\"x\n".getBytes(StandardCharsets.UTF_8), false, "y", "yhat"))
        .isInstanceOf(EvaluationFailure.class).hasMessageContaining("text after the closing quote of field 2");
  }

  @Test
  void scanCountsRecords() throws Exception {
    byte[] csv = "a,b\n1,2\n\"x\ny\",3\n4,5".getBytes(StandardCharsets.UTF_8);
    assertThat(CsvReader.scan(new ByteArrayInputStream(csv))).isEqualTo(3);
    assertThat(CsvReader.scan(EvaluatorTest.trickle(csv))).isEqualTo(3);
  }

  @Test
  void thePipelinedReaderGivesTheSameReportToTheBit() throws Exception {
    byte[] compas;
    try (var in = getClass().getResourceAsStream("/compas/compas-two-years.csv")) {
      compas = in.readAllBytes();
    }
    // every tenth record broken, to carry malformed records through the pipeline too
    String[] lines = new String(compas, StandardCharsets.UTF_8).split("\n");
    StringBuilder sb = new StringBuilder(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i++) {
      sb.append(i % 10 == 0 ? "1,2" : lines[i]).append('\n');
    }
    byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
    for (java.util.function.Supplier<java.io.InputStream> input : List.<java.util.function.Supplier<java.io.InputStream>>of(
        () -> new ByteArrayInputStream(data), () -> EvaluatorTest.trickle(data))) {
      Evaluator sequential = new Evaluator(CompasMetricsTest.COMPAS, EvaluationOptions.DEFAULTS);
      CsvReader.read(input.get(), sequential);
      Evaluator pipelined = new Evaluator(CompasMetricsTest.COMPAS, EvaluationOptions.DEFAULTS);
      CsvReader.readPipelined(input.get(), pipelined);
      Report.Data d = new Report.Data("csv", null, null, data.length);
      Evaluation a = sequential.finish();
      assertThat(a.malformed()).isEqualTo(721);
      assertThat(CanonicalJson.write(Report.of(pipelined.finish(), d, CompasMetricsTest.COMPAS, EvaluationOptions.DEFAULTS)))
          .isEqualTo(CanonicalJson.write(Report.of(a, d, CompasMetricsTest.COMPAS, EvaluationOptions.DEFAULTS)));
    }
  }

  @Test
  void thePipelinedReaderStopsOnAMalformedFile() {
    assertThatThrownBy(() -> CsvReader.readPipelined(new ByteArrayInputStream(
        "y,yhat\n1,0\n1,\"0\n".getBytes(StandardCharsets.UTF_8)),
        new Evaluator(Mapping.parse("y", "yhat", null, List.of(), List.of(), 0.5), EvaluationOptions.DEFAULTS)))
        .isInstanceOf(EvaluationFailure.class).hasMessageContaining("never closed");
  }
}
