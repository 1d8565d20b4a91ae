/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

/**
 * How many audit rounds a shard gets and how each round samples it.
 *
 * <p>A round hashes {@code blockCount} blocks of {@code blockSize} bytes, chosen from the round's
 * nonce (or the whole shard when it has at most {@code blockCount} blocks). The node must use the
 * same {@code blockSize} and {@code blockCount} as the client did, so both travel with the audit
 * vectors.
 *
 * @param rounds rounds per shard, {@value #MIN_ROUNDS}..{@value #MAX_ROUNDS} (DESIGN.md "Limits")
 * @param blockSize bytes per block, a power of two in {@value #MIN_BLOCK_SIZE}..{@value
 *     #MAX_BLOCK_SIZE}
 * @param blockCount blocks sampled per round, {@value #MIN_BLOCK_COUNT}..{@value #MAX_BLOCK_COUNT}
 */
public record AuditParams(int rounds, int blockSize, int blockCount) {
  public static final int MIN_ROUNDS = 1;
  public static final int MAX_ROUNDS = 64;
  public static final int DEFAULT_ROUNDS = 8;
  public static final int MIN_BLOCK_SIZE = 512;
  public static final int MAX_BLOCK_SIZE = 1 << 20;
  public static final int DEFAULT_BLOCK_SIZE = 4096;
  public static final int MIN_BLOCK_COUNT = 1;
  public static final int MAX_BLOCK_COUNT = 1024;
  public static final int DEFAULT_BLOCK_COUNT = 16;

  /** 8 rounds of 16 blocks of 4 KiB. */
  public static final AuditParams DEFAULT =
      new AuditParams(DEFAULT_ROUNDS, DEFAULT_BLOCK_SIZE, DEFAULT_BLOCK_COUNT);

  public AuditParams {
    checkRounds(rounds);
    checkSampling(blockSize, blockCount);
  }

  /** The same sampling with another number of rounds. */
  public AuditParams withRounds(int newRounds) {
    return new AuditParams(newRounds, blockSize, blockCount);
  }

  static void checkRounds(int rounds) {
    if (rounds < MIN_ROUNDS || rounds > MAX_ROUNDS) {
      throw new IllegalArgumentException(
          "audit rounds must be in " + MIN_ROUNDS + ".." + MAX_ROUNDS + ", got " + rounds);
    }
  }

  static void checkSampling(int blockSize, int blockCount) {
    if (blockSize < MIN_BLOCK_SIZE
        || blockSize > MAX_BLOCK_SIZE
        || Integer.bitCount(blockSize) != 1) {
      throw new IllegalArgumentException(
          "audit blockSize must be a power of two in "
              + MIN_BLOCK_SIZE
              + ".."
              + MAX_BLOCK_SIZE
              + ", got "
              + blockSize);
    }
    if (blockCount < MIN_BLOCK_COUNT || blockCount > MAX_BLOCK_COUNT) {
      throw new IllegalArgumentException(
          "audit blockCount must be in "
              + MIN_BLOCK_COUNT
              + ".."
              + MAX_BLOCK_COUNT
              + ", got "
              + blockCount);
    }
  }
}
