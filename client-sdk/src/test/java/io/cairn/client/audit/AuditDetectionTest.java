/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Simulates a node that dropped a fraction of a shard's blocks (and answers with zeros in their
 * place) and checks that it fails audit rounds as often as docs/audit.md predicts. Statistical,
 * seeded, so it is reproducible; no timing.
 */
class AuditDetectionTest {
  private static final int BLOCKS = 1000;
  private static final int BLOCK_SIZE = 512;
  private static final int SAMPLED = 16;
  private static final int ROUNDS = 64 * 63; // whole batches of 64 rounds

  @ParameterizedTest(name = "seed {0}, {1} of 1000 blocks dropped")
  @CsvSource({"1, 10", "2, 50", "3, 100", "4, 250", "5, 1"})
  void shouldFailRoundsAsOftenAsSamplingPredicts(long seed, int dropped) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] shard = new byte[BLOCKS * BLOCK_SIZE];
    r.nextBytes(shard);
    boolean[] lost = new boolean[BLOCKS];
    int[] perm = shuffledIndices(r, BLOCKS);
    byte[] damaged = shard.clone();
    for (int i = 0; i < dropped; i++) {
      lost[perm[i]] = true;
      Arrays.fill(damaged, perm[i] * BLOCK_SIZE, (perm[i] + 1) * BLOCK_SIZE, (byte) 0);
    }

    SeededSecureRandom rng = new SeededSecureRandom(seed + 1000); // independent of the shard
    AuditParams params = new AuditParams(64, BLOCK_SIZE, SAMPLED);
    int failed = 0;
    int done = 0;
    while (done < ROUNDS) {
      for (AuditRound round : AuditVectors.generate(shard, 0, shard.length, rng, params)) {
        byte[] nonce = round.nonce().toArray();
        byte[] answer = AuditSampler.response(nonce, damaged, 0, damaged.length, params);
        boolean pass = AuditCheck.check(round, answer);
        boolean touched = false;
        for (int idx : AuditSampler.sampleIndices(nonce, shard.length, BLOCK_SIZE, SAMPLED)) {
          touched |= lost[idx];
        }
        // The hash fails exactly when a dropped block is sampled (random blocks are never zero).
        assertEquals(!touched, pass, "seed " + seed + " round " + done);
        if (!pass) {
          failed++;
        }
        done++;
      }
    }

    double f = dropped / (double) BLOCKS;
    double withReplacement = 1 - Math.pow(1 - f, SAMPLED); // the bound docs/audit.md tabulates
    double exact = 1 - hypergeometricMiss(BLOCKS, dropped, SAMPLED); // distinct blocks: exact
    double observed = failed / (double) ROUNDS;
    double sigma = Math.sqrt(exact * (1 - exact) / ROUNDS);
    String ctx =
        "seed %d, f=%.3f: observed %.4f, exact %.4f, 1-(1-f)^16 %.4f"
            .formatted(seed, f, observed, exact, withReplacement);
    assertTrue(exact >= withReplacement, "sampling without replacement never detects less");
    assertTrue(Math.abs(observed - exact) <= 4.5 * sigma + 1e-9, ctx);
    assertTrue(observed >= withReplacement - 4.5 * sigma, ctx);
  }

  /** Probability that m distinct blocks drawn from n miss all d lost ones: C(n-d, m) / C(n, m). */
  private static double hypergeometricMiss(int n, int d, int m) {
    double p = 1;
    for (int i = 0; i < m; i++) {
      p *= (double) (n - d - i) / (n - i);
    }
    return p;
  }

  private static int[] shuffledIndices(SplittableRandom r, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
