package io.gatehouse.audit.auditlog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeafCodecTest {

  @Test
  void canonicalizesTheRfc8785Example() {
    // RFC 8785 section 3.2.2
    String input = "{\n \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
        + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
        + " \"literals\": [null, true, false]\n}";
    assertThat(new String(LeafCodec.canonicalize(input), StandardCharsets.UTF_8)).isEqualTo(
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void sortsPropertiesByUtf16CodeUnitsAsRfc8785Section323() {
    String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    String out = new String(LeafCodec.canonicalize(input), StandardCharsets.UTF_8);
    assertThat(out).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void theLeafIsTheCanonicalCloudEventWithExactlyTheDocumentedMembers() {
    LoggedEvent e = new LoggedEvent("e-1", "io.gatehouse.approval.SignOffRecorded.v1", "/gatehouse/approval",
        "models/m/versions/1", Instant.parse("2026-11-22T10:00:00.500Z"), "erin",
        "{ \"signer\" : \"erin\", \"version\": 1, \"caseId\":\"c\" }".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(LeafCodec.canonical(e), StandardCharsets.UTF_8)).isEqualTo(
        "{\"actor\":\"erin\",\"data\":{\"caseId\":\"c\",\"signer\":\"erin\",\"version\":1},"
            + "\"datacontenttype\":\"application/json\",\"id\":\"e-1\",\"source\":\"/gatehouse/approval\","
            + "\"specversion\":\"1.0\",\"subject\":\"models/m/versions/1\",\"time\":\"2026-11-22T10:00:00.500Z\","
            + "\"type\":\"io.gatehouse.approval.SignOffRecorded.v1\"}");
    LoggedEvent bare = new LoggedEvent("e-2", "t", "/s", null, Instant.parse("2026-11-22T10:00:00Z"), null,
        "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(LeafCodec.canonical(bare), StandardCharsets.UTF_8)).isEqualTo(
        "{\"data\":{},\"datacontenttype\":\"application/json\",\"id\":\"e-2\",\"source\":\"/s\","
            + "\"specversion\":\"1.0\",\"time\":\"2026-11-22T10:00:00Z\",\"type\":\"t\"}");
  }

  /**
   * The log's canonicalizer against the JCS reference implementation for Java (erdtman, which the
   * offline verifier uses) on 20,000 random documents: nesting, every control character and
   * non-ASCII text in names and values, integers, doubles across the exponent range, literals.
   */
  @Test
  void agreesWithTheReferenceImplementationOnRandomDocuments() throws Exception {
    java.util.Random random = new java.util.Random(8785);
    for (int i = 0; i < 20_000; i++) {
      String json = "{\"v\": " + randomValue(random, 0) + ", \"w\": " + randomValue(random, 0) + "}";
      String expected = new org.erdtman.jcs.JsonCanonicalizer(json).getEncodedString();
      assertThat(new String(LeafCodec.canonicalize(json), StandardCharsets.UTF_8)).as(json).isEqualTo(expected);
    }
  }

  @Test
  void refusesWhatIsNotJson() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeafCodec.canonicalize("{\"a\": }"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not canonicalizable JSON");
  }

  private static String randomValue(java.util.Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 6 : 8);
    switch (kind) {
      case 0:
        return "null";
      case 1:
        return r.nextBoolean() ? "true" : "false";
      case 2:
        return Long.toString(r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(2000) - 1000);
      case 3: {
        double d = switch (r.nextInt(4)) {
          case 0 -> r.nextDouble();
          case 1 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
          case 2 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
          default -> Math.round(r.nextDouble() * 1e6) / 1e3;
        };
        return Double.toString(d);
      }
      case 4:
      case 5:
        return quoted(randomText(r));
      case 6: {
        StringBuilder b = new StringBuilder("[");
        int n = r.nextInt(5);
        for (int k = 0; k < n; k++) {
          b.append(k > 0 ? "," : "").append(randomValue(r, depth + 1));
        }
        return b.append(']').toString();
      }
      default: {
        StringBuilder b = new StringBuilder("{");
        java.util.Set<String> names = new java.util.HashSet<>();
        int n = r.nextInt(6);
        for (int k = 0; k < n; k++) {
          String name = randomText(r);
          if (names.add(name)) {
            b.append(names.size() > 1 ? "," : "").append(quoted(name)).append(": ").append(randomValue(r, depth + 1));
          }
        }
        return b.append('}').toString();
      }
    }
  }

  private static String randomText(java.util.Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(8);
    for (int k = 0; k < n; k++) {
      int pick = r.nextInt(10);
      char c = pick < 2 ? (char) r.nextInt(0x20) // control characters
          : pick < 4 ? "\"\\/\u007f\u2028".charAt(r.nextInt(5))
          : pick < 6 ? (char) (0xa0 + r.nextInt(0x2000))
          : (char) ('a' + r.nextInt(26));
      b.append(c);
    }
    return b.toString();
  }

  /** A JSON string literal, escaping with a mix of forms (as any producer might). */
  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c == '"' || c == '\\') {
        b.append(String.format("\\u%04X", (int) c));
      } else if (c > 0x7f && c % 3 == 0) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
