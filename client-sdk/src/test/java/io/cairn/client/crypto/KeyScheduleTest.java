/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The key schedule of docs/crypto.md. The golden values were computed independently of this code,
 * with pyca/cryptography (OpenSSL's Argon2id, Python's hmac) following the layout in
 * docs/crypto.md: password "correct horse battery staple", salt 00..0f, m = 256 KiB, t = 2, p = 1,
 * file id 20..3f.
 */
class KeyScheduleTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final KdfParams PARAMS =
      KdfParams.of(Bytes.fromHex("000102030405060708090a0b0c0d0e0f"), 256, 2, 1);
  private static final Bytes FILE_ID =
      Bytes.fromHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  @Test
  void shouldMatchGoldenVectors() {
    try (RootKey root = KeySchedule.deriveRoot(PASSWORD, PARAMS)) {
      assertEquals(
          "c9554e88ebb211dabc108338a0492dba9e7013f1253cfc3cc9c6410dd06806c5",
          HEX.formatHex(root.contentKey(FILE_ID).toByteArray()));
      assertEquals(
          "9d4ca0e93213297ac5f6311ba87d7bf02bd0703b0dff10d0bb48ea31e1fa193e",
          HEX.formatHex(root.manifestMacKey().toByteArray()));
      assertEquals("77d6d60488ecfd46862ace758fe06370", HEX.formatHex(root.passwordCheck()));
    }
  }

  @Test
  void shouldRootInTheArgon2Output() {
    byte[] argon2 =
        HEX.parseHex("7989cae79eab72e4e4f4124a6acde0796b3cb91920807721145cf29a5a1daaa6");
    try (RootKey root = RootKey.fromArgon2Output(argon2)) {
      assertEquals("77d6d60488ecfd46862ace758fe06370", HEX.formatHex(root.passwordCheck()));
    }
    assertThrows(IllegalArgumentException.class, () -> RootKey.fromArgon2Output(new byte[31]));
  }

  @Test
  void shouldDeriveTheSameFromBytesAndChars() {
    byte[] utf8 = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    try (RootKey a = KeySchedule.deriveRoot(utf8, PARAMS);
        RootKey b = KeySchedule.deriveRoot(PASSWORD, PARAMS)) {
      assertArrayEquals(a.passwordCheck(), b.passwordCheck());
    }
  }

  @Test
  void shouldNormalizePasswordsToNfc() {
    byte[] composed = KeySchedule.passwordBytes("caf\u00e9".toCharArray());
    byte[] decomposed = KeySchedule.passwordBytes("cafe\u0301".toCharArray());
    assertArrayEquals("caf\u00e9".getBytes(StandardCharsets.UTF_8), composed);
    assertArrayEquals(composed, decomposed);
    try (RootKey root = KeySchedule.deriveRoot("cafe\u0301".toCharArray(), PARAMS)) {
      // Golden: Argon2id over the UTF-8 of the composed form, computed with pyca/cryptography.
      try (RootKey expected =
          RootKey.fromArgon2Output(
              HEX.parseHex("1aa550d14adba6949a287e2e4baedec84746a41eb3f789b8b0cced1ed4c136b6"))) {
        assertArrayEquals(expected.passwordCheck(), root.passwordCheck());
      }
    }
  }

  @Test
  void shouldRejectUnpairedSurrogates() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KeySchedule.passwordBytes(new char[] {'a', '\ud800', 'b'}));
    assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
  }

  @Test
  void shouldGiveIndependentKeysPerLabelAndFile() {
    SecureRandom random = new SecureRandom();
    try (RootKey root = RootKey.fromArgon2Output(new byte[32])) {
      Set<String> seen = new HashSet<>();
      assertTrue(seen.add(HEX.formatHex(root.manifestMacKey().toByteArray())));
      assertTrue(seen.add(HEX.formatHex(root.passwordCheck())));
      for (int i = 0; i < 32; i++) {
        Bytes id = KeySchedule.newFileId(random);
        assertTrue(seen.add(HEX.formatHex(root.contentKey(id).toByteArray())), "file " + id);
      }
      assertEquals(root.contentKey(FILE_ID), root.contentKey(Bytes.copyOf(FILE_ID.toArray())));
    }
  }

  @Test
  void shouldTellAWrongPasswordByItsCheck() {
    byte[] stored;
    try (RootKey right = KeySchedule.deriveRoot(PASSWORD, PARAMS)) {
      stored = right.passwordCheck();
      assertTrue(right.matchesPasswordCheck(stored));
    }
    try (RootKey wrong =
        KeySchedule.deriveRoot("correct horse battery stapler".toCharArray(), PARAMS)) {
      assertFalse(wrong.matchesPasswordCheck(stored));
    }
    try (RootKey otherSalt =
        KeySchedule.deriveRoot(PASSWORD, KdfParams.of(Bytes.wrap(new byte[16]), 256, 2, 1))) {
      assertFalse(otherSalt.matchesPasswordCheck(stored));
    }
  }

  @Test
  void shouldCheckFileIdSize() {
    try (RootKey root = RootKey.fromArgon2Output(new byte[32])) {
      var e =
          assertThrows(
              IllegalArgumentException.class, () -> root.contentKey(Bytes.wrap(new byte[16])));
      assertEquals("file id must be 32 bytes, got 16", e.getMessage());
    }
    assertEquals(32, KeySchedule.newFileId(new SecureRandom()).size());
  }

  @Test
  void shouldHideAndWipeTheRoot() {
    RootKey root = RootKey.fromArgon2Output(new byte[32]);
    assertEquals("RootKey[redacted]", root.toString());
    SecretBytes mac = root.manifestMacKey();
    root.close();
    assertTrue(root.isDestroyed());
    assertEquals("RootKey[destroyed]", root.toString());
    assertThrows(IllegalStateException.class, root::manifestMacKey);
    assertThrows(IllegalStateException.class, () -> root.contentKey(FILE_ID));
    assertFalse(mac.isDestroyed(), "derived keys live on until their own destroy");
    assertEquals(32, mac.size());
  }
}
