/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import io.cairn.protocol.Bytes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Draws a shard's audit rounds while the shard is in memory at upload time (DESIGN.md, "Upload"
 * step 8). Each round is a fresh random nonce and the answer {@link AuditSampler} computes for it,
 * so the cost is hashing the sampled blocks only: 8 rounds of 16 blocks of 4 KiB read 512 KiB of a
 * shard, half a pass over a 1 MiB shard rather than 8 passes.
 */
public final class AuditVectors {
  /** A generator that repeats nonces this often in a row is broken, not unlucky. */
  private static final int MAX_NONCE_DRAWS = 8;

  private AuditVectors() {}

  /**
   * {@code params.rounds()} rounds over {@code shard[off, off + len)}.
   *
   * @param rng source of the nonces; must be a cryptographically strong generator in production,
   *     since a node that predicts a nonce knows which blocks it may drop
   * @return the rounds in draw order, with pairwise distinct nonces
   */
  public static List<AuditRound> generate(
      byte[] shard, int off, int len, SecureRandom rng, AuditParams params) {
    return generate(shard, off, len, params.rounds(), rng, params);
  }

  /**
   * {@code rounds} rounds over {@code shard[off, off + len)}, sampling as {@code params} says
   * ({@code rounds} overrides {@code params.rounds()} and has the same bounds).
   *
   * @throws IllegalArgumentException if {@code rounds} is outside 1..64
   * @throws IndexOutOfBoundsException if {@code off, len} do not lie within {@code shard}
   * @throws IllegalStateException if {@code rng} keeps returning a nonce already drawn
   */
  public static List<AuditRound> generate(
      byte[] shard, int off, int len, int rounds, SecureRandom rng, AuditParams params) {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(rng, "rng");
    Objects.requireNonNull(params, "params");
    AuditParams.checkRounds(rounds);
    Objects.checkFromIndexSize(off, len, shard.length);
    List<AuditRound> out = new ArrayList<>(rounds);
    List<Bytes> seen = new ArrayList<>(rounds);
    for (int r = 0; r < rounds; r++) {
      byte[] nonce = freshNonce(rng, seen);
      byte[] expected =
          AuditSampler.response(nonce, shard, off, len, params.blockSize(), params.blockCount());
      Bytes wrapped = Bytes.wrap(nonce); // hands the array over: nothing writes to it again
      seen.add(wrapped);
      out.add(new AuditRound(wrapped, Bytes.wrap(expected)));
    }
    return List.copyOf(out);
  }

  /**
   * A nonce not yet used for this shard: a node refuses to answer a nonce twice, so a repeat would
   * waste a round.
   */
  private static byte[] freshNonce(SecureRandom rng, List<Bytes> seen) {
    for (int attempt = 0; attempt < MAX_NONCE_DRAWS; attempt++) {
      byte[] raw = new byte[AuditSampler.NONCE_LENGTH];
      rng.nextBytes(raw);
      if (!seen.contains(Bytes.wrap(raw))) {
        return raw;
      }
    }
    throw new IllegalStateException(
        "the SecureRandom returned an already drawn audit nonce "
            + MAX_NONCE_DRAWS
            + " times in a row; it is broken");
  }
}
