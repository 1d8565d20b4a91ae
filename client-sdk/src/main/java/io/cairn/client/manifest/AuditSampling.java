/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.manifest.internal.Checks;
import io.cairn.client.manifest.internal.ManifestViolation;

/**
 * How the audit rounds of a manifest sample a shard, stored once for the whole manifest: each round
 * hashes {@code blockCount} blocks of {@code blockSize} bytes chosen from the round's nonce (the
 * whole shard when it has at most {@code blockCount} blocks). The bounds are those of {@link
 * AuditParams}, which generates and checks the rounds.
 *
 * @param blockSize bytes per sampled block, a power of two in {@link AuditParams#MIN_BLOCK_SIZE}..
 *     {@link AuditParams#MAX_BLOCK_SIZE}
 * @param blockCount blocks per round, {@link AuditParams#MIN_BLOCK_COUNT}..{@link
 *     AuditParams#MAX_BLOCK_COUNT}
 */
public record AuditSampling(int blockSize, int blockCount) {
  /** DESIGN.md default: 16 blocks of 4 KiB. */
  public static final AuditSampling DEFAULT =
      new AuditSampling(AuditParams.DEFAULT_BLOCK_SIZE, AuditParams.DEFAULT_BLOCK_COUNT);

  public AuditSampling {
    Checks.range(
        blockSize, AuditParams.MIN_BLOCK_SIZE, AuditParams.MAX_BLOCK_SIZE, "audit block size");
    if (Integer.bitCount(blockSize) != 1) {
      throw ManifestViolation.malformed(
          "audit block size is " + blockSize + "; it must be a power of two");
    }
    Checks.range(
        blockCount, AuditParams.MIN_BLOCK_COUNT, AuditParams.MAX_BLOCK_COUNT, "audit block count");
  }

  /** The sampling of {@code params} (its number of rounds is per shard, not stored here). */
  public static AuditSampling of(AuditParams params) {
    return new AuditSampling(params.blockSize(), params.blockCount());
  }

  /** Audit parameters with this sampling and {@code rounds} rounds per shard. */
  public AuditParams toParams(int rounds) {
    return new AuditParams(rounds, blockSize, blockCount);
  }
}
