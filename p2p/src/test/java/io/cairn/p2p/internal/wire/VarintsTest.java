/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VarintsTest {
  /** Examples from the multiformats unsigned-varint README. */
  @ParameterizedTest
  @CsvSource({
    "1, 01",
    "127, 7f",
    "128, 8001",
    "255, ff01",
    "300, ac02",
    "16384, 808001",
    "1025, 8108"
  })
  void shouldMatchTheUnsignedVarintExamples(long value, String hex) throws Exception {
    byte[] bytes = HexFormat.of().parseHex(hex);
    ByteBuf out = Unpooled.buffer();
    Varints.write(out, value);
    assertEquals(hex, io.netty.buffer.ByteBufUtil.hexDump(out));
    assertEquals(value, Varints.read(Unpooled.wrappedBuffer(bytes), Long.MAX_VALUE, "v"));
    assertEquals(value, Varints.read(new ByteArrayInputStream(bytes), Long.MAX_VALUE, "v"));
    assertEquals(bytes.length, Varints.size(value));
  }

  @Test
  void shouldRejectNonMinimalAndOverlongForms() {
    for (String hex : new String[] {"8000", "ff00", "808000"}) {
      ByteBuf b = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
      assertThrows(ProtocolViolation.class, () -> Varints.read(b, Long.MAX_VALUE, "v"), hex);
    }
    ByteBuf tenBytes = Unpooled.wrappedBuffer(HexFormat.of().parseHex("ffffffffffffffffff01"));
    assertThrows(ProtocolViolation.class, () -> Varints.read(tenBytes, Long.MAX_VALUE, "v"));
  }

  @Test
  void shouldReportIncompleteWithoutConsuming() throws Exception {
    ByteBuf b = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 0x80});
    assertEquals(Varints.INCOMPLETE, Varints.read(b, Long.MAX_VALUE, "v"));
    assertEquals(0, b.readerIndex());
  }

  @Test
  void shouldEnforceTheLimitNamingTheField() {
    ByteBuf b = Unpooled.wrappedBuffer(HexFormat.of().parseHex("808001"));
    ProtocolViolation e =
        assertThrows(ProtocolViolation.class, () -> Varints.read(b, 1024, "frame length"));
    assertEquals("frame length 16384 exceeds the limit of 1024", e.getMessage());
    // The limit is also enforced part-way, before a huge varint is complete.
    ByteBuf huge = Unpooled.wrappedBuffer(HexFormat.of().parseHex("ffffffff"));
    assertThrows(ProtocolViolation.class, () -> Varints.read(huge, 1024, "frame length"));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void shouldRoundTripRandomValues(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 1000; i++) {
      long v = rnd.nextLong() >>> rnd.nextInt(1, 64);
      ByteBuf b = Unpooled.buffer();
      Varints.write(b, v);
      assertEquals(v, Varints.read(b, Long.MAX_VALUE, "v"), "seed " + seed + " value " + v);
      assertEquals(0, b.readableBytes());
    }
  }

  @Test
  void shouldReportTruncationOnAStream() {
    assertThrows(
        IOException.class,
        () -> Varints.read(new ByteArrayInputStream(new byte[] {(byte) 0x80}), 100, "v"));
    assertEquals(
        -1, assertDoesNotThrow(() -> Varints.read(new ByteArrayInputStream(new byte[0]), 1, "v")));
  }

  private static long assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<Long> s) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
  }
}
