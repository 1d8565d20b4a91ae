/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VarintTest {
  // multiformats/unsigned-varint README.md, "Examples"
  @ParameterizedTest
  @CsvSource({
    "1, 01",
    "127, 7f",
    "128, 8001",
    "255, ff01",
    "300, ac02",
    "16384, 808001",
    "0, 00",
    "421, a503",
    "9223372036854775807, ffffffffffffffff7f"
  })
  void shouldMatchSpecExamples(long value, String hex) {
    assertEquals(hex, Bytes.wrap(Varint.encode(value)).toHex());
    assertEquals(value, Varint.decode(Bytes.fromHex(hex).toArray()));
    assertEquals(hex.length() / 2, Varint.size(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"8100", "ff00", "808000", "8080808080808080 00"})
  void shouldRejectNonMinimalEncodings(String hex) {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Varint.decode(Bytes.fromHex(hex.replace(" ", "")).toArray()));
    assertTrue(e.getMessage().contains("minimal"), e.getMessage());
  }

  @Test
  void shouldRejectOverlongEncodings() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Varint.decode(Bytes.fromHex("ffffffffffffffffff01").toArray()));
    assertTrue(e.getMessage().contains("longer than 9"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "80", "ff", "ffff"})
  void shouldRejectTruncatedInput(String hex) {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Varint.decode(Bytes.fromHex(hex).toArray()));
    assertTrue(
        e.getMessage().contains("truncated") || e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void shouldRejectTrailingBytesInExactDecode() {
    assertThrows(IllegalArgumentException.class, () -> Varint.decode(new byte[] {1, 2}));
  }

  @Test
  void shouldRejectNegativeValues() {
    assertThrows(IllegalArgumentException.class, () -> Varint.encode(-1));
  }

  @Test
  void shouldReadFromBufferAndLeavePositionOnError() {
    ByteBuffer buf = ByteBuffer.wrap(Bytes.fromHex("ac02 05 80".replace(" ", "")).toArray());
    assertEquals(300, Varint.read(buf));
    assertEquals(5, Varint.read(buf));
    assertThrows(IllegalArgumentException.class, () -> Varint.read(buf));
    assertEquals(3, buf.position());
  }

  @Test
  void shouldReadFromStream() throws IOException {
    var in = new ByteArrayInputStream(Bytes.fromHex("80800180").toArray());
    assertEquals(16384, Varint.read(in));
    assertThrows(EOFException.class, () -> Varint.read(in));
    assertEquals(-1, Varint.read(new ByteArrayInputStream(new byte[0])));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shouldRoundTripRandomValues(long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 2000; i++) {
      long v = rnd.nextLong() >>> rnd.nextInt(1, 64);
      byte[] enc = Varint.encode(v);
      String msg = "seed " + seed + " value " + v;
      assertEquals(v, Varint.decode(enc), msg);
      assertEquals(enc.length, Varint.size(v), msg);
      assertEquals(v, Varint.read(new ByteArrayInputStream(enc)), msg);
      byte[] padded = new byte[enc.length + 3];
      assertEquals(enc.length, Varint.encode(v, padded, 1), msg);
      assertEquals(v, Varint.decode(padded, 1, padded.length - 1), msg);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void shouldNeverThrowAnythingButIllegalArgumentOnRandomInput(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 5000; i++) {
      byte[] junk = new byte[rnd.nextInt(0, 12)];
      rnd.nextBytes(junk);
      try {
        long v = Varint.decode(junk, 0, junk.length);
        assertTrue(v >= 0, "seed " + seed);
      } catch (IllegalArgumentException expected) {
        // the only failure allowed
      }
    }
  }
}
