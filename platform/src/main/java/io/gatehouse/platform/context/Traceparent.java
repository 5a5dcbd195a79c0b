package io.gatehouse.platform.context;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C Trace Context {@code traceparent} values: {@code 00-<trace id>-<span id>-<flags>}. */
public final class Traceparent {

  private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
  private static final HexFormat HEX = HexFormat.of();

  private Traceparent() {}

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  /** A new trace. */
  public static String newRoot() {
    return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
  }

  /** A new span in the trace of {@code parent}, or a new trace if {@code parent} is not valid. */
  public static String childOf(String parent) {
    if (!isValid(parent)) {
      return newRoot();
    }
    return parent.substring(0, 36) + randomHex(8) + parent.substring(52);
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    if (b[0] == 0) {
      b[0] = 1;
    }
    return HEX.formatHex(b);
  }
}
