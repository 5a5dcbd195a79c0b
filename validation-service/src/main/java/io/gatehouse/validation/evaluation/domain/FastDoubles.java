package io.gatehouse.validation.evaluation.domain;

import java.nio.charset.StandardCharsets;

/**
 * Decimal numbers from bytes without a String. The usual case (at most 15 significant digits and a
 * decimal exponent within 22) is exact by Clinger's fast path: the digits and the power of ten are
 * both exact doubles, and one correctly rounded multiplication or division gives the same double
 * as {@link Double#parseDouble}. Longer numbers go to {@link Double#parseDouble}. Anything that is
 * not a plain decimal ({@code [+-]digits[.digits][e[+-]digits]}) is not a number: NaN, without an
 * exception, so a categorical column costs no more than a numeric one.
 */
public final class FastDoubles {

  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
      1e19, 1e20, 1e21, 1e22};

  private FastDoubles() {}

  /** The number in {@code b[from, to)}, or NaN if it is not a plain decimal number. */
  public static double parse(byte[] b, int from, int to) {
    int i = from;
    if (i >= to) {
      return Double.NaN;
    }
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    long digits = 0;
    int significant = 0;   // significant digits taken into `digits`
    int dropped = 0;       // integer digits beyond 19 (scale up)
    int fraction = 0;      // fractional digits taken into `digits`
    boolean any = false;
    boolean leadingZeros = true;
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      any = true;
      int d = b[i] - '0';
      if (leadingZeros && d == 0) {
        i++;
        continue;
      }
      leadingZeros = false;
      if (significant < 19) {
        digits = digits * 10 + d;
        significant++;
      } else {
        dropped++;
      }
      i++;
    }
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        any = true;
        int d = b[i] - '0';
        if (leadingZeros && d == 0) {
          fraction++;
          i++;
          continue;
        }
        leadingZeros = false;
        if (significant < 19) {
          digits = digits * 10 + d;
          significant++;
          fraction++;
        } else {
          significant++; // more digits than the fast path keeps: parseDouble below
        }
        i++;
      }
    }
    if (!any) {
      return Double.NaN;
    }
    int exponent = 0;
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        expNegative = b[i] == '-';
        i++;
      }
      int start = i;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        if (exponent < 100000) {
          exponent = exponent * 10 + (b[i] - '0');
        }
        i++;
      }
      if (i == start) {
        return Double.NaN;
      }
      if (expNegative) {
        exponent = -exponent;
      }
    }
    if (i != to) {
      return Double.NaN;
    }
    if (digits == 0) {
      return negative ? -0.0 : 0.0;
    }
    int scale = exponent - fraction + dropped;
    if (significant <= 15 && dropped == 0 && scale >= -22 && scale <= 22) {
      double v = (double) digits;
      v = scale < 0 ? v / POW10[-scale] : v * POW10[scale];
      return negative ? -v : v;
    }
    return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
  }
}
