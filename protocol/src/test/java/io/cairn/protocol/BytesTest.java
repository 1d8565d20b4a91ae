/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BytesTest {
  @Test
  void shouldCompareByContent() {
    Bytes a = Bytes.copyOf(new byte[] {1, 2, 3});
    Bytes b = Bytes.fromHex("010203");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertTrue(a.constantTimeEquals(b));
    assertNotEquals(a, Bytes.fromHex("0102"));
    assertFalse(a.constantTimeEquals(Bytes.fromHex("010204")));
  }

  @Test
  void shouldCopyOnTheWayInAndOut() {
    byte[] src = {1, 2, 3};
    Bytes b = Bytes.copyOf(src);
    src[0] = 9;
    assertEquals(1, b.get(0));
    b.toArray()[1] = 9;
    assertEquals(2, b.get(1));
    assertEquals("0203", Bytes.copyOf(new byte[] {1, 2, 3}, 1, 2).toHex());
    byte[] dst = new byte[5];
    b.copyTo(dst, 2);
    assertArrayEquals(new byte[] {0, 0, 1, 2, 3}, dst);
  }

  @Test
  void shouldOrderUnsigned() {
    assertTrue(Bytes.fromHex("ff").compareTo(Bytes.fromHex("01")) > 0);
    assertTrue(Bytes.fromHex("01").compareTo(Bytes.fromHex("0100")) < 0);
  }

  @Test
  void shouldPrintShortHex() {
    assertEquals("0a0b", Bytes.fromHex("0a0b").toString());
    assertEquals("0001020304050607…(9 bytes)", Bytes.fromHex("000102030405060708").toString());
    assertSame(Bytes.EMPTY, Bytes.wrap(new byte[0]));
    assertEquals("", Bytes.EMPTY.toHex());
  }

  @Test
  void shouldRejectBadHex() {
    assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("abc"));
    assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("zz"));
  }

  @Test
  void shouldGiveAReadOnlyView() {
    var buf = Bytes.fromHex("0102").asReadOnlyBuffer();
    assertTrue(buf.isReadOnly());
    assertEquals(2, buf.remaining());
  }
}
