/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCheckTest {
  private static final Duration WINDOW = Duration.ofSeconds(30);

  @Test
  void shouldAcceptTheExpectedHashAndNothingElse() {
    byte[] shard = new byte[100_000];
    List<AuditRound> rounds =
        AuditVectors.generate(
            shard, 0, shard.length, new SeededSecureRandom(3), AuditParams.DEFAULT);
    AuditRound round = rounds.get(0);
    byte[] answer =
        AuditSampler.response(round.nonce().toArray(), shard, 0, shard.length, AuditParams.DEFAULT);
    assertTrue(AuditCheck.check(round, answer));
    for (int i = 0; i < answer.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        answer[i] ^= (byte) (1 << bit);
        assertFalse(AuditCheck.check(round, answer), "byte " + i + " bit " + bit);
        answer[i] ^= (byte) (1 << bit);
      }
    }
    assertFalse(AuditCheck.check(round, null));
    assertFalse(AuditCheck.check(round, new byte[0]));
    assertFalse(AuditCheck.check(round, java.util.Arrays.copyOf(answer, 31)));
    assertFalse(AuditCheck.check(round, java.util.Arrays.copyOf(answer, 33)));
    // Another round's answer does not pass.
    assertFalse(AuditCheck.check(rounds.get(1), answer));
  }

  @Test
  void shouldJudgeFreshness() {
    long t = 1_700_000_000_000L;
    assertEquals(Freshness.OK, AuditCheck.fresh(t, t + 100, t + 200, WINDOW));
    assertEquals(Freshness.OK, AuditCheck.fresh(t, t, t, WINDOW));
    // Node clock a little behind or ahead of the client's, within the window.
    assertEquals(Freshness.OK, AuditCheck.fresh(t, t - 29_000, t + 200, WINDOW));
    assertEquals(Freshness.OK, AuditCheck.fresh(t, t + 30_000, t + 30_000, WINDOW));
    // Answer arrived too late.
    assertEquals(Freshness.STALE, AuditCheck.fresh(t, t + 100, t + 30_001, WINDOW));
    assertEquals(Freshness.STALE, AuditCheck.fresh(t, t + 40_000, t + 40_000, WINDOW));
    // Claims a time past the window after the challenge (and so after now).
    assertEquals(Freshness.FROM_FUTURE, AuditCheck.fresh(t, t + 30_001, t + 1_000, WINDOW));
    assertEquals(Freshness.FROM_FUTURE, AuditCheck.fresh(t, Long.MAX_VALUE, t + 1_000, WINDOW));
    // Claims a time before the challenge, past the window: a replayed answer.
    assertEquals(Freshness.BEFORE_CHALLENGE, AuditCheck.fresh(t, t - 30_001, t + 1_000, WINDOW));
    assertEquals(
        Freshness.BEFORE_CHALLENGE, AuditCheck.fresh(t, Long.MIN_VALUE, t + 1_000, WINDOW));
    assertEquals(Freshness.BEFORE_CHALLENGE, AuditCheck.fresh(t, 0, t + 1_000, WINDOW));
  }

  @Test
  void shouldNotOverflowOnExtremeTimesOrWindows() {
    assertEquals(
        Freshness.OK, AuditCheck.fresh(Long.MAX_VALUE - 5, Long.MAX_VALUE, Long.MAX_VALUE, WINDOW));
    assertEquals(
        Freshness.OK,
        AuditCheck.fresh(Long.MIN_VALUE + 5, Long.MIN_VALUE, Long.MIN_VALUE + 6, WINDOW));
    assertEquals(Freshness.STALE, AuditCheck.fresh(Long.MIN_VALUE, 0, Long.MAX_VALUE, WINDOW));
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    // The saturated window is Long.MAX_VALUE millis, so only Long.MIN_VALUE lies before it.
    assertEquals(Freshness.OK, AuditCheck.fresh(0, Long.MIN_VALUE + 1, Long.MAX_VALUE, forever));
    assertEquals(
        Freshness.BEFORE_CHALLENGE, AuditCheck.fresh(0, Long.MIN_VALUE, Long.MAX_VALUE, forever));
  }

  @Test
  void shouldRefuseANonPositiveWindow() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AuditCheck.fresh(0, 0, 0, Duration.ZERO));
    assertEquals("freshness window must be positive, got PT0S", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> AuditCheck.fresh(0, 0, 0, Duration.ofMillis(-1)));
  }
}
