/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.crypto.KdfParams;
import io.cairn.client.crypto.KeySchedule;
import io.cairn.client.crypto.RootKey;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ManifestAuthTest {
  private static final ManifestKeys RIGHT = ManifestFixtures.keys("correct horse");
  private static final ManifestKeys WRONG = ManifestFixtures.keys("battery staple");

  /** Fresh keys for a derivation to hand over (open closes them). */
  private static ManifestKeys right() {
    return ManifestFixtures.keys("correct horse");
  }

  private static Manifest manifest() throws ManifestException {
    return ManifestFixtures.header(1000, 256, 2, 1).fileName("plan.txt").build(RIGHT);
  }

  private static ManifestBuilder withShards(ManifestBuilder b, long fileSize, int seg, int k, int m)
      throws ManifestException {
    long segments = Manifest.segmentCountFor(fileSize, seg);
    for (int s = 0; s < segments; s++) {
      int size = ManifestFixtures.shardSize(Manifest.segmentLength(fileSize, seg, s), k);
      for (int i = 0; i < k + m; i++) {
        b.addShard(
            ShardEntry.of(
                ManifestFixtures.cid(s + "/" + i),
                size,
                s,
                i,
                java.util.List.of(ManifestFixtures.peer(i))));
      }
    }
    return b;
  }

  private static Manifest built(ManifestKeys keys) throws ManifestException {
    return withShards(
            ManifestFixtures.header(1000, 256, 2, 1).fileName("plan.txt"), 1000, 256, 2, 1)
        .build(keys);
  }

  @Test
  void shouldAcceptTheRightPassword() throws ManifestException {
    Manifest m = built(RIGHT);
    byte[] bytes = ManifestCodec.encode(m);
    ManifestCodec.authenticate(ManifestCodec.decode(bytes), RIGHT);
    AtomicReference<KdfParams> seen = new AtomicReference<>();
    AtomicReference<ManifestKeys> handedOver = new AtomicReference<>();
    Manifest opened =
        ManifestCodec.open(
            bytes,
            kdf -> {
              seen.set(kdf);
              handedOver.set(right());
              return handedOver.get();
            });
    assertEquals(m, opened);
    assertTrue(handedOver.get().macKey().isDestroyed(), "open wipes the MAC key it was given");
    assertEquals(m.kdf(), seen.get());
  }

  @Test
  void shouldReportAWrongPasswordAsWrongPassword() throws ManifestException {
    byte[] bytes = ManifestCodec.encode(built(RIGHT));
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () -> ManifestCodec.open(bytes, kdf -> ManifestFixtures.keys("battery staple")));
    assertEquals(Reason.WRONG_PASSWORD, e.reason());
    assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
  }

  @Test
  void shouldReportAnEditWithARecomputedHashAsTampered() throws ManifestException {
    // The attacker changes the file name and recomputes hash and Merkle root (anyone can), but
    // cannot make the tag: they sign with a key of their own and keep the victim's check value.
    Manifest original = built(RIGHT);
    ManifestKeys attacker = new ManifestKeys(WRONG.macKey(), RIGHT.passwordCheck());
    Manifest forged = ManifestBuilder.from(original).fileName("evil.sh").build(attacker);
    byte[] bytes = ManifestCodec.encode(forged);

    Manifest decoded = ManifestCodec.decode(bytes); // intact as far as anyone can tell
    ManifestException e =
        assertThrows(ManifestException.class, () -> ManifestCodec.authenticate(decoded, RIGHT));
    assertEquals(Reason.TAMPERED, e.reason());
    e = assertThrows(ManifestException.class, () -> ManifestCodec.open(bytes, kdf -> right()));
    assertEquals(Reason.TAMPERED, e.reason());
  }

  @Test
  void shouldReportAnyFlippedTagBitAsTampered() throws ManifestException {
    byte[] bytes = ManifestCodec.encode(built(RIGHT));
    for (int i = bytes.length - Manifest.TAG_LENGTH; i < bytes.length; i++) {
      byte[] copy = bytes.clone();
      copy[i] ^= 0x10;
      ManifestException e =
          assertThrows(ManifestException.class, () -> ManifestCodec.open(copy, kdf -> right()));
      assertEquals(Reason.TAMPERED, e.reason(), "byte " + i);
    }
  }

  @Test
  void shouldCatchAnEditedPasswordCheckByTheHashFirst() throws ManifestException {
    Manifest m = built(RIGHT);
    byte[] bytes = ManifestCodec.encode(m);
    int at = indexOf(bytes, m.passwordCheck().toArray());
    bytes[at] ^= 1;
    ManifestException e =
        assertThrows(ManifestException.class, () -> ManifestCodec.open(bytes, kdf -> right()));
    assertEquals(Reason.HASH_MISMATCH, e.reason());
  }

  @Test
  void shouldReportARewrittenCheckWithARecomputedHashAsWrongPassword() throws ManifestException {
    // The documented ambiguity: an attacker who rewrites the check value and re-hashes makes the
    // right password look wrong. The manifest is still refused, and the message says why it may
    // be so.
    Manifest original = built(RIGHT);
    Manifest forged = ManifestBuilder.from(original).build(WRONG);
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () -> ManifestCodec.open(ManifestCodec.encode(forged), kdf -> right()));
    assertEquals(Reason.WRONG_PASSWORD, e.reason());
    assertTrue(e.getMessage().contains("rewritten"), e.getMessage());
  }

  @Test
  void shouldWorkWithTheRealKeySchedule() throws ManifestException {
    KdfParams kdf = KdfParams.of(Bytes.fromHex("000102030405060708090a0b0c0d0e0f"), 256, 1, 1);
    byte[] password = "hunter2".getBytes(StandardCharsets.UTF_8);
    Manifest m;
    try (RootKey root = KeySchedule.deriveRoot(password, kdf);
        ManifestKeys keys = ManifestKeys.from(root)) {
      m = withShards(ManifestFixtures.header(10, 8, 1, 1).kdf(kdf), 10, 8, 1, 1).build(keys);
    }
    byte[] bytes = ManifestCodec.encode(m);
    Manifest opened =
        ManifestCodec.open(
            bytes,
            params -> {
              try (RootKey root = KeySchedule.deriveRoot(password, params)) {
                return ManifestKeys.from(root);
              }
            });
    assertEquals(m, opened);
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () ->
                ManifestCodec.open(
                    bytes,
                    params -> {
                      try (RootKey root =
                          KeySchedule.deriveRoot(
                              "hunter3".getBytes(StandardCharsets.UTF_8), params)) {
                        return ManifestKeys.from(root);
                      }
                    }));
    assertEquals(Reason.WRONG_PASSWORD, e.reason());
  }

  @Test
  void shouldKeepKeysOutOfToString() {
    String s = RIGHT.toString();
    assertFalse(s.contains(RIGHT.passwordCheck().toHex().substring(0, 8)), s);
    assertTrue(s.contains("redacted"), s);
  }

  @Test
  void shouldNotBuildWithoutShards() {
    ManifestException e = assertThrows(ManifestException.class, ManifestAuthTest::manifest);
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("segment 0 has no shard with index 0"), e.getMessage());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
