/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBytesTest {
  private static final byte[] KEY =
      HexFormat.of().parseHex("c9554e88ebb211dabc108338a0492dba9e7013f1253cfc3cc9c6410dd06806c5");

  @Test
  void shouldNeverShowContentInToString() {
    SecretBytes s = SecretBytes.copyOf(KEY);
    String text = s.toString();
    assertEquals("SecretBytes[32 bytes, redacted]", text);
    assertFalse(text.toLowerCase().contains("c9"), text);
    s.destroy();
    assertEquals("SecretBytes[32 bytes, destroyed]", s.toString());
  }

  @Test
  void shouldCompareByContentWithSizeOnlyHash() {
    SecretBytes a = SecretBytes.copyOf(KEY);
    SecretBytes b = SecretBytes.copyOf(KEY.clone());
    byte[] other = KEY.clone();
    other[31] ^= 1;
    SecretBytes c = SecretBytes.copyOf(other);
    assertEquals(a, b);
    assertTrue(a.constantTimeEquals(b));
    assertNotEquals(a, c);
    assertNotEquals(a, SecretBytes.copyOf(KEY, 0, 31));
    assertEquals(32, a.hashCode());
    assertEquals(a.hashCode(), c.hashCode());
    assertNotEquals(a, (Object) KEY);
  }

  @Test
  void shouldCopyOnTheWayInAndOut() {
    byte[] mine = KEY.clone();
    SecretBytes s = SecretBytes.copyOf(mine);
    mine[0] ^= 1;
    assertArrayEquals(KEY, s.toByteArray());
    byte[] out = s.toByteArray();
    out[0] ^= 1;
    assertArrayEquals(KEY, s.toByteArray());
    byte[] dst = new byte[40];
    s.copyTo(dst, 8);
    assertArrayEquals(KEY, java.util.Arrays.copyOfRange(dst, 8, 40));
  }

  @Test
  void shouldZeroOnDestroyAndRefuseAccessAfterwards() {
    byte[] owned = KEY.clone();
    SecretBytes s = SecretBytes.wrap(owned);
    SecretBytes same = SecretBytes.copyOf(KEY);
    assertFalse(s.isDestroyed());
    try (s) {
      assertEquals(same, s);
    }
    assertTrue(s.isDestroyed());
    assertArrayEquals(new byte[32], owned, "wrapped array must be zeroed");
    assertThrows(IllegalStateException.class, s::toByteArray);
    assertThrows(IllegalStateException.class, () -> s.copyTo(new byte[32], 0));
    assertFalse(s.constantTimeEquals(same));
    assertFalse(same.constantTimeEquals(s));
    assertEquals(32, s.size());
    s.destroy(); // idempotent
  }

  @Test
  void shouldDrawRandomKeys() {
    SecureRandom r = new SecureRandom();
    SecretBytes a = SecretBytes.random(32, r);
    SecretBytes b = SecretBytes.random(32, r);
    assertEquals(32, a.size());
    assertNotEquals(a, b);
    assertThrows(IllegalArgumentException.class, () -> SecretBytes.random(-1, r));
  }
}
