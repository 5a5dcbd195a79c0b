package io.gatehouse.validation.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void writesNumbersAsEcmaScriptDoes() {
    // the number samples of RFC 8785 appendix B, and a few more
    Map<Double, String> cases = new LinkedHashMap<>();
    cases.put(0.0, "0");
    cases.put(-0.0, "0");
    cases.put(Double.longBitsToDouble(0x0000000000000001L), "5e-324");
    cases.put(Double.longBitsToDouble(0x7fefffffffffffffL), "1.7976931348623157e+308");
    cases.put(Double.longBitsToDouble(0x4340000000000000L), "9007199254740992");
    cases.put(Double.longBitsToDouble(0x444b1ae4d6e2ef50L), "1e+21");
    cases.put(Double.longBitsToDouble(0x444b1ae4d6e2ef4fL), "999999999999999900000");
    cases.put(Double.longBitsToDouble(0x3eb0c6f7a0b5ed8dL), "0.000001");
    cases.put(Double.longBitsToDouble(0x3eb0c6f7a0b5ed8cL), "9.999999999999997e-7");
    cases.put(Double.longBitsToDouble(0x41b3de4355555555L), "333333333.3333333");
    cases.put(Double.longBitsToDouble(0xc3e0000000000000L), "-9223372036854776000");
    cases.put(0.1, "0.1");
    cases.put(1.0 / 3, "0.3333333333333333");
    cases.put(2e-3, "0.002");
    cases.put(1e-7, "1e-7");
    cases.put(1.5, "1.5");
    cases.put(100.0, "100");
    cases.forEach((d, s) -> assertThat(CanonicalJson.number(d)).as(Double.toString(d)).isEqualTo(s));
  }

  @Test
  void sortsKeysAndEscapesStrings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", List.of(1, 2.5, true));
    m.put("a", Arrays.asList("x\"y\\\n\u0001é", null));
    m.put("A", Map.of("z", 1L, "y", 0.5));
    assertThat(new String(CanonicalJson.write(m), StandardCharsets.UTF_8))
        .isEqualTo("{\"A\":{\"y\":0.5,\"z\":1},\"a\":[\"x\\\"y\\\\\\n\\u0001é\",null],\"b\":[1,2.5,true]}");
  }
}
