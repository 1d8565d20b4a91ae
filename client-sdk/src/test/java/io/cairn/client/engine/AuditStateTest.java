/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.audit.AuditRound;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditStateTest {
  private static final Bytes FILE_ID = Bytes.wrap(new byte[32]);

  private static ShardEntry shard(int segment, int index, int rounds) {
    List<AuditRound> r = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      byte[] nonce = new byte[16];
      nonce[0] = (byte) i;
      nonce[1] = (byte) (i >> 8);
      r.add(new AuditRound(Bytes.wrap(nonce), Bytes.wrap(new byte[32])));
    }
    return new ShardEntry(Cid.of(new byte[] {1}), 1, segment, index, List.of(), List.of(), r);
  }

  @Test
  void shouldClaimRoundsInOrderUntilNoneIsLeft() {
    AuditState state = AuditState.fresh(FILE_ID);
    ShardEntry e = shard(3, 2, 3);
    assertEquals(OptionalInt.of(0), state.claimNextRound(e));
    assertEquals(OptionalInt.of(1), state.claimNextRound(e));
    state.markUsed(3, 2, 2);
    assertEquals(OptionalInt.empty(), state.claimNextRound(e));
    assertEquals(0, state.remaining(e));
    assertEquals(OptionalInt.of(0), state.claimNextRound(shard(3, 1, 3)), "positions are apart");
    ShardEntry all = shard(0, 0, 64);
    for (int i = 0; i < 64; i++) {
      assertEquals(OptionalInt.of(i), state.claimNextRound(all));
    }
    assertEquals(OptionalInt.empty(), state.claimNextRound(all));
  }

  @Test
  void shouldEncodeToTheDocumentedLayout() {
    AuditState state = AuditState.fresh(FILE_ID);
    state.markUsed(1, 5, 0);
    state.markUsed(1, 5, 3);
    state.markUsed(0, 255, 63);
    assertEquals(
        "434149524e4153" // "CAIRNAS"
            + "01"
            + "00".repeat(32)
            + "00000002"
            + "00000000"
            + "ff"
            + "8000000000000000"
            + "00000001"
            + "05"
            + "0000000000000009",
        HexFormat.of().formatHex(state.encode()));
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void shouldRoundTripAndRejectEveryTruncationAndMostFlips(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] id = new byte[32];
    rnd.nextBytes(id);
    AuditState state = AuditState.fresh(Bytes.wrap(id));
    for (int i = 0; i < 20; i++) {
      state.markUsed(rnd.nextInt(1000), rnd.nextInt(256), rnd.nextInt(64));
    }
    byte[] enc = state.encode();
    AuditState back = AuditState.decode(enc);
    assertArrayEquals(enc, back.encode(), "seed " + seed);
    assertEquals(state.fileId(), back.fileId());
    for (int len = 0; len < enc.length; len++) {
      byte[] cut = java.util.Arrays.copyOf(enc, len);
      assertThrows(AuditStateException.class, () -> AuditState.decode(cut), "seed " + seed);
    }
    // Flipping a byte never throws anything but AuditStateException.
    for (int i = 0; i < enc.length; i++) {
      byte[] f = enc.clone();
      f[i] ^= (byte) (1 + rnd.nextInt(255));
      try {
        AuditState.decode(f);
      } catch (AuditStateException expected) {
        assertFalse(expected.getMessage().isEmpty());
      }
    }
  }

  @Test
  void shouldRejectHugeCountsBeforeAllocating() {
    byte[] enc = AuditState.fresh(FILE_ID).encode();
    enc[40] = (byte) 0xff;
    AuditStateException e = assertThrows(AuditStateException.class, () -> AuditState.decode(enc));
    assertTrue(e.getMessage().contains("limit"), e.getMessage());
  }
}
