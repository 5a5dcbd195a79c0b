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
}
