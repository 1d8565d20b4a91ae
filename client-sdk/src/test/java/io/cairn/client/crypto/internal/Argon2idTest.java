/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Argon2idTest {
  private static byte[] filled(int n, int b) {
    byte[] a = new byte[n];
    Arrays.fill(a, (byte) b);
    return a;
  }

  /**
   * RFC 9106 §5.3 (Argon2id test vector): version 0x13, memory 32 KiB, 3 passes, 4 lanes, tag 32
   * bytes; password 32 x 01, salt 16 x 02, secret 8 x 03, associated data 12 x 04.
   */
  @Test
  void shouldMatchRfc9106Section53Vector() {
    byte[] tag =
        Argon2id.hash(filled(32, 1), filled(16, 2), 32, 3, 4, filled(8, 3), filled(12, 4), 32);
    assertArrayEquals(
        HexFormat.of().parseHex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"),
        tag);
  }

  @Test
  void shouldDependOnEveryInput() {
    byte[] base = Argon2id.hash(filled(8, 1), filled(16, 2), 64, 1, 1, null, null, 32);
    assertArrayEquals(base, Argon2id.hash(filled(8, 1), filled(16, 2), 64, 1, 1, null, null, 32));
    assertFalse(
        Arrays.equals(base, Argon2id.hash(filled(8, 9), filled(16, 2), 64, 1, 1, null, null, 32)));
    assertFalse(
        Arrays.equals(base, Argon2id.hash(filled(8, 1), filled(16, 9), 64, 1, 1, null, null, 32)));
    assertFalse(
        Arrays.equals(base, Argon2id.hash(filled(8, 1), filled(16, 2), 72, 1, 1, null, null, 32)));
    assertFalse(
        Arrays.equals(base, Argon2id.hash(filled(8, 1), filled(16, 2), 64, 2, 1, null, null, 32)));
    assertFalse(
        Arrays.equals(base, Argon2id.hash(filled(8, 1), filled(16, 2), 64, 1, 2, null, null, 32)));
  }

  @Test
  void shouldRejectParametersOutsideTheRfc() {
    byte[] pw = filled(4, 1);
    byte[] salt = filled(16, 2);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Argon2id.hash(pw, salt, 15, 1, 2, null, null, 32));
    assertTrue(e.getMessage().contains("8 KiB per lane"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Argon2id.hash(pw, salt, 64, 0, 1, null, null, 32));
    assertThrows(
        IllegalArgumentException.class, () -> Argon2id.hash(pw, salt, 64, 1, 0, null, null, 32));
    assertThrows(
        IllegalArgumentException.class, () -> Argon2id.hash(pw, salt, 64, 1, 1, null, null, 3));
    assertEquals(4, Argon2id.hash(pw, salt, 64, 1, 1, null, null, 4).length);
  }
}
