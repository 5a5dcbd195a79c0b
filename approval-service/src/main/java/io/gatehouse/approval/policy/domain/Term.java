package io.gatehouse.approval.policy.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A length of time written in ISO-8601: a period of calendar days ({@code P180D}, {@code P1Y}) or an
 * exact duration ({@code PT12H}, {@code PT30S}). Periods are added in UTC.
 */
public record Term(String iso, Period period, Duration duration) {

  public static Term parse(String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalArgumentException("no ISO-8601 period or duration given");
    }
    if (iso.contains("T")) {
      try {
        return of(Duration.parse(iso), iso);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + iso + "' is not an ISO-8601 period (P180D) or duration (PT12H)");
      }
    }
    try {
      return of(Period.parse(iso), iso);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + iso + "' is not an ISO-8601 period (P180D) or duration (PT12H)");
    }
  }

  public static Term of(Period period) {
    return of(period, period.toString());
  }

  private static Term of(Period period, String iso) {
    return new Term(iso, period, null);
  }

  private static Term of(Duration duration, String iso) {
    return new Term(iso, null, duration);
  }

  public boolean isPositive() {
    return period != null ? !period.isNegative() && !period.isZero() : !duration.isNegative() && !duration.isZero();
  }

  public Instant after(Instant start) {
    return period != null ? start.atOffset(ZoneOffset.UTC).plus(period).toInstant() : start.plus(duration);
  }

  public Instant before(Instant end) {
    return period != null ? end.atOffset(ZoneOffset.UTC).minus(period).toInstant() : end.minus(duration);
  }

  @Override
  public String toString() {
    return iso;
  }
}
