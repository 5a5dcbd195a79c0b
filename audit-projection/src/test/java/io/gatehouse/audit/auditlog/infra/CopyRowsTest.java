package io.gatehouse.audit.auditlog.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

  @Test
  void encodesPostgresBinaryCopyFormat() {
    byte[] copy = CopyRows.encode(6, List.<Object[]>of(new Object[] {"é", null, 7, 8L, new byte[] {1, 2},
        Timestamp.from(Instant.parse("2000-01-01T00:00:01.000002Z"))}));
    ByteBuffer b = ByteBuffer.wrap(copy);
    byte[] signature = new byte[11];
    b.get(signature);
    assertThat(signature).isEqualTo(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
    assertThat(b.getInt()).as("flags").isZero();
    assertThat(b.getInt()).as("header extension").isZero();
    assertThat(b.getShort()).as("fields in the tuple").isEqualTo((short) 6);
    assertThat(b.getInt()).isEqualTo(2);
    byte[] text = new byte[2];
    b.get(text);
    assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo("é");
    assertThat(b.getInt()).as("NULL").isEqualTo(-1);
    assertThat(b.getInt()).isEqualTo(4);
    assertThat(b.getInt()).isEqualTo(7);
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).isEqualTo(8L);
    assertThat(b.getInt()).isEqualTo(2);
    assertThat(new byte[] {b.get(), b.get()}).isEqualTo(new byte[] {1, 2});
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).as("microseconds since 2000-01-01").isEqualTo(1_000_002L);
    assertThat(b.getShort()).as("trailer").isEqualTo((short) -1);
    assertThat(b.hasRemaining()).isFalse();
  }

  @Test
  void roundsNanosecondsToTheNearestMicrosecondAsPostgresDoes() {
    assertThat(CopyRows.micros(Instant.parse("2000-01-01T00:00:00.000001499Z"))).isEqualTo(1);
    assertThat(CopyRows.micros(Instant.parse("2000-01-01T00:00:00.000001500Z"))).isEqualTo(2);
    assertThat(CopyRows.micros(Instant.parse("1999-12-31T23:59:59Z"))).isEqualTo(-1_000_000);
    assertThat(CopyRows.micros(Instant.parse("2026-12-01T00:00:00.999999999Z")))
        .isEqualTo(CopyRows.micros(Instant.parse("2026-12-01T00:00:01Z")));
  }

  @Test
  void refusesAValueItCannotEncodeAndARowOfTheWrongWidth() {
    assertThatThrownBy(() -> CopyRows.encode(1, List.<Object[]>of(new Object[] {1.5})))
        .hasMessageContaining("java.lang.Double");
    assertThatThrownBy(() -> CopyRows.encode(2, List.<Object[]>of(new Object[] {"a"})))
        .hasMessageContaining("1 values for 2 columns");
    assertThat(Arrays.copyOf(CopyRows.encode(0, List.of()), 11)).startsWith((byte) 'P');
  }
}
