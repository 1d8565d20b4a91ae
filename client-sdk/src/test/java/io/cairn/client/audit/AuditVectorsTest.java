/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AuditVectorsTest {
  private static byte[] shard(long seed, int size) {
    byte[] b = new byte[size];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  @Test
  void shouldDrawTheRequestedRoundsWithAnswersTheSamplerGives() throws IOException {
    byte[] shard = shard(1, 1 << 20);
    List<AuditRound> rounds =
        AuditVectors.generate(
            shard, 0, shard.length, new SeededSecureRandom(1), AuditParams.DEFAULT);
    assertEquals(8, rounds.size());
    Set<Bytes> nonces = new HashSet<>();
    for (AuditRound round : rounds) {
      assertTrue(nonces.add(round.nonce()), "nonces are distinct");
      assertArrayEquals(
          round.expected().toArray(),
          AuditSampler.response(round.nonce().toArray(), shard, 0, shard.length, 4096, 16));
      assertArrayEquals(
          round.expected().toArray(),
          AuditSampler.response(round.nonce().toArray(), sourceOf(shard), AuditParams.DEFAULT));
    }
  }

  private static BlockSource sourceOf(byte[] shard) {
    return BlockSource.of(shard, 0, shard.length);
  }

  @Test
  void shouldBeReproducibleFromTheSameRandomSource() {
    byte[] shard = shard(2, 200_000);
    AuditParams params = new AuditParams(64, 512, 32);
    assertEquals(
        AuditVectors.generate(shard, 0, shard.length, new SeededSecureRandom(9), params),
        AuditVectors.generate(shard, 0, shard.length, new SeededSecureRandom(9), params));
    assertFalse(
        AuditVectors.generate(shard, 0, shard.length, new SeededSecureRandom(9), params)
            .equals(
                AuditVectors.generate(shard, 0, shard.length, new SeededSecureRandom(10), params)));
  }

  @Test
  void shouldLetTheExplicitRoundCountOverrideTheParams() {
    byte[] shard = shard(3, 10_000);
    assertEquals(
        3,
        AuditVectors.generate(
                shard, 0, shard.length, 3, new SeededSecureRandom(1), AuditParams.DEFAULT)
            .size());
    assertEquals(
        64,
        AuditVectors.generate(
                shard, 0, shard.length, 64, new SeededSecureRandom(1), AuditParams.DEFAULT)
            .size());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AuditVectors.generate(
                    shard, 0, shard.length, 65, new SeededSecureRandom(1), AuditParams.DEFAULT));
    assertEquals("audit rounds must be in 1..64, got 65", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AuditVectors.generate(
                shard, 0, shard.length, 0, new SeededSecureRandom(1), AuditParams.DEFAULT));
  }

  @Test
  void shouldWorkOnASliceOfALargerBuffer() {
    byte[] shard = shard(4, 50_000);
    byte[] buffer = new byte[shard.length + 20];
    System.arraycopy(shard, 0, buffer, 20, shard.length);
    assertEquals(
        AuditVectors.generate(
            shard, 0, shard.length, new SeededSecureRandom(5), AuditParams.DEFAULT),
        AuditVectors.generate(
            buffer, 20, shard.length, new SeededSecureRandom(5), AuditParams.DEFAULT));
    assertThrows(
        IndexOutOfBoundsException.class,
        () ->
            AuditVectors.generate(
                buffer, 21, shard.length, new SeededSecureRandom(5), AuditParams.DEFAULT));
  }

  @Test
  void shouldRedrawARepeatedNonceAndRefuseABrokenGenerator() {
    byte[] shard = shard(6, 10_000);
    // Repeats its first nonce once, then behaves.
    SecureRandom stutter =
        new SecureRandom() {
          private final transient SplittableRandom r = new SplittableRandom(1);
          private int calls;

          @Override
          public void nextBytes(byte[] bytes) {
            if (calls++ == 1) {
              new SplittableRandom(1).nextBytes(bytes);
            } else {
              r.nextBytes(bytes);
            }
          }
        };
    List<AuditRound> rounds =
        AuditVectors.generate(shard, 0, shard.length, 4, stutter, AuditParams.DEFAULT);
    assertEquals(4, rounds.stream().map(AuditRound::nonce).distinct().count());

    SecureRandom constant =
        new SecureRandom() {
          @Override
          public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 7);
          }
        };
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> AuditVectors.generate(shard, 0, shard.length, 2, constant, AuditParams.DEFAULT));
    assertTrue(e.getMessage().contains("already drawn audit nonce"), e.getMessage());
  }

  @Test
  void shouldValidateRoundsAndKeepThemOutOfLogs() {
    Bytes nonce = Bytes.wrap(new byte[16]);
    Bytes hash = Bytes.wrap(new byte[32]);
    AuditRound round = new AuditRound(nonce, hash);
    assertEquals("AuditRound[nonce=<redacted>, expected=<redacted>]", round.toString());
    assertEquals(
        "audit nonce must be 16 bytes, got 8",
        assertThrows(
                IllegalArgumentException.class, () -> new AuditRound(Bytes.wrap(new byte[8]), hash))
            .getMessage());
    assertEquals(
        "audit expected hash must be 32 bytes, got 31",
        assertThrows(
                IllegalArgumentException.class,
                () -> new AuditRound(nonce, Bytes.wrap(new byte[31])))
            .getMessage());
    assertThrows(NullPointerException.class, () -> new AuditRound(null, hash));
  }
}
