/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class KdfParamsTest {
  private static final Bytes SALT = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");

  private static void assertRejected(String expectedInMessage, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(
        x.getMessage().contains(expectedInMessage),
        "message \"" + x.getMessage() + "\" should contain \"" + expectedInMessage + "\"");
  }

  @Test
  void shouldDefaultTo64MiBThreePassesOneLane() {
    KdfParams p = KdfParams.fresh(new SecureRandom());
    assertEquals("argon2id", p.algorithm());
    assertEquals(65536, p.memoryKiB());
    assertEquals(3, p.iterations());
    assertEquals(1, p.parallelism());
    assertEquals(0x13, p.version());
    assertEquals(16, p.salt().size());
  }

  @Test
  void shouldDrawAFreshSaltEachTime() {
    SecureRandom r = new SecureRandom();
    assertNotEquals(KdfParams.fresh(r).salt(), KdfParams.fresh(r).salt());
  }

  @Test
  void shouldAcceptTheBoundsThemselves() {
    KdfParams.of(SALT, 8, 1, 1);
    KdfParams.of(SALT, 4 * 1024 * 1024, 16, 16);
    KdfParams.of(SALT, 128, 1, 16);
    assertEquals(
        KdfParams.of(SALT, 1024, 2, 1), KdfParams.of(SALT, 4096, 2, 1).withCost(1024, 2, 1));
  }

  @Test
  void shouldRejectOutOfBoundsValuesNamingTheBound() {
    assertRejected("memoryKiB must be in 8..4194304, got 7", () -> KdfParams.of(SALT, 7, 3, 1));
    assertRejected(
        "memoryKiB must be in 8..4194304, got 4194305", () -> KdfParams.of(SALT, 4194305, 3, 1));
    assertRejected("iterations must be in 1..16, got 0", () -> KdfParams.of(SALT, 64, 0, 1));
    assertRejected("iterations must be in 1..16, got 17", () -> KdfParams.of(SALT, 64, 17, 1));
    assertRejected("parallelism must be in 1..16, got 0", () -> KdfParams.of(SALT, 64, 1, 0));
    assertRejected("parallelism must be in 1..16, got 17", () -> KdfParams.of(SALT, 1024, 1, 17));
    assertRejected("at least 8 per lane", () -> KdfParams.of(SALT, 64, 1, 16));
    assertRejected(
        "salt must be 16 bytes, got 15", () -> KdfParams.of(Bytes.wrap(new byte[15]), 64, 1, 1));
    assertRejected(
        "algorithm must be \"argon2id\", got \"argon2i\"",
        () -> new KdfParams("argon2i", SALT, 64, 1, 1, 0x13));
    assertRejected(
        "version must be 0x13, got 0x10", () -> new KdfParams("argon2id", SALT, 64, 1, 1, 0x10));
    assertThrows(NullPointerException.class, () -> KdfParams.of(null, 64, 1, 1));
  }

  @Test
  void shouldKeepControlCharactersOutOfMessages() {
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> new KdfParams("x\n\u0007y", SALT, 64, 1, 1, 0x13));
    assertTrue(x.getMessage().contains("x??y"), x.getMessage());
  }
}
