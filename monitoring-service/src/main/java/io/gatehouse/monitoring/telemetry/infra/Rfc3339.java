package io.gatehouse.monitoring.telemetry.infra;

import io.gatehouse.monitoring.telemetry.domain.InvalidInput;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 date-times (JSON Schema {@code format: date-time}) to epoch milliseconds. The common
 * form {@code 2026-11-22T10:00:00.123Z} is read by hand, because parsing it with java.time costs
 * more than everything else an observation needs; any other form (offsets, other fraction lengths)
 * goes through {@link OffsetDateTime}. A time without an offset is refused, as the schema does.
 */
final class Rfc3339 {

  private Rfc3339() {}

  static long epochMillis(String s, String field) {
    int n = s.length();
    if (n >= 20 && (s.charAt(n - 1) == 'Z' || s.charAt(n - 1) == 'z') && s.charAt(4) == '-' && s.charAt(7) == '-'
        && (s.charAt(10) == 'T' || s.charAt(10) == 't') && s.charAt(13) == ':' && s.charAt(16) == ':') {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 2);
      int day = digits(s, 8, 2);
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      int millis = 0;
      boolean ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour >= 0 && hour <= 23
          && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
      if (ok && n > 20) {
        // fraction: '.' and 1..9 digits before the Z
        ok = s.charAt(19) == '.' && n - 21 >= 1 && n - 21 <= 9;
        for (int i = 20; ok && i < n - 1; i++) {
          char c = s.charAt(i);
          ok = c >= '0' && c <= '9';
          if (ok && i < 23) {
            millis = millis * 10 + (c - '0');
          }
        }
        if (ok) {
          for (int i = Math.min(23, n - 1); i < 23; i++) {
            millis *= 10;
          }
        }
      } else if (ok && n != 20) {
        ok = false;
      }
      if (ok) {
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
      }
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new InvalidInput("bad-payload", field + " is not an RFC 3339 date-time with an offset: " + abbreviate(s));
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  private static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
