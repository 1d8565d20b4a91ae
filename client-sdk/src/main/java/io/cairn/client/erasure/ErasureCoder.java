/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure;

/**
 * A systematic Reed-Solomon erasure code over GF(2^8) with {@code k} data shards and {@code m}
 * parity shards: any k of the k + m shards rebuild all of them. Obtain one from {@link
 * ErasureCoders}.
 *
 * <p>Pure buffer math: every method works on the window {@code [offset, offset + length)} of each
 * shard array and touches nothing outside it. Shards are indexed data first ({@code 0..k-1}), then
 * parity ({@code k..k+m-1}).
 *
 * <p>Guarantees: implementations are immutable and thread-safe; all implementations produce the
 * same bytes (the parity is that of ISA-L's and Hadoop's Cauchy Reed-Solomon with the same k and
 * m). Restrictions: arguments are trusted program state, so a malformed call throws {@link
 * IllegalArgumentException}; output arrays must not alias input arrays; the code corrects erasures
 * (shards known to be missing), not errors, so check each shard's hash before handing it in as
 * present.
 */
public interface ErasureCoder {
  /** k, the number of data shards (at least 1). */
  int dataShards();

  /** m, the number of parity shards (at least 0). */
  int parityShards();

  /** k + m. */
  default int totalShards() {
    return dataShards() + parityShards();
  }

  /**
   * Computes the parity shards of {@code data}.
   *
   * @param data k arrays, read in {@code [offset, offset + length)}
   * @param parity m arrays, overwritten in {@code [offset, offset + length)}
   * @throws IllegalArgumentException on a wrong shard count, a null shard or a window outside a
   *     shard
   */
  void encode(byte[][] data, byte[][] parity, int offset, int length);

  /**
   * Rebuilds every shard that is not {@code present}, data and parity, in place from k present
   * ones. A missing entry may be {@code null}, in which case an array of {@code offset + length}
   * bytes is allocated and stored into {@code shards}. Present shards are only read.
   *
   * @param shards k + m arrays
   * @param present k + m flags, true for the shards that hold good data
   * @throws IllegalArgumentException if fewer than k shards are present (the message says how many
   *     are and how many are needed), or on a wrong count, a null present shard or a bad window
   */
  void decode(byte[][] shards, boolean[] present, int offset, int length);

  /**
   * Whether the parity shards match the data shards. With m = 0 there is nothing to check and the
   * answer is always true; with m >= 1, any change confined to a single shard is detected.
   *
   * @param shards k + m arrays, none null
   * @throws IllegalArgumentException on a wrong count, a null shard or a bad window
   */
  boolean verify(byte[][] shards, int offset, int length);

  /** What computes the products, e.g. {@code "scalar"} or {@code "vector-256"}. */
  String implementationName();
}
