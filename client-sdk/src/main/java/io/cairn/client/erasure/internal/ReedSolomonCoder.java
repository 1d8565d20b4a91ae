/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

import io.cairn.client.erasure.ErasureCoder;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Systematic Cauchy Reed-Solomon: the matrix algebra (encoding matrix, decode matrices and their
 * cache, argument checks) around a {@link CodingKernel} that does the buffer arithmetic.
 */
public final class ReedSolomonCoder implements ErasureCoder {
  /** Decode plans kept per coder; a file's segments mostly share one erasure pattern. */
  static final int DECODE_CACHE_SIZE = 16;

  /** Bytes per shard that {@link #verify} recomputes at a time. */
  private static final int VERIFY_BLOCK = 64 * 1024;

  private final int k;
  private final int m;
  private final String name;
  private final byte[][] encodingMatrix;
  private final CodingKernel.Factory kernels;
  private final CodingKernel parityKernel;
  private final Map<BitSet, DecodePlan> decodePlans;

  /**
   * A coder for k data and m parity shards whose arithmetic is done by the kernels of {@code
   * kernels}.
   *
   * @throws IllegalArgumentException unless {@code k >= 1}, {@code m >= 0} and {@code k + m <= 256}
   */
  public ReedSolomonCoder(int k, int m, CodingKernel.Factory kernels, String name) {
    this.encodingMatrix = Matrices.cauchyEncodingMatrix(k, m);
    this.k = k;
    this.m = m;
    this.name = Objects.requireNonNull(name, "name");
    this.kernels = Objects.requireNonNull(kernels, "kernels");
    this.parityKernel = kernels.create(Arrays.copyOfRange(encodingMatrix, k, k + m));
    this.decodePlans =
        new LinkedHashMap<>(DECODE_CACHE_SIZE * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<BitSet, DecodePlan> eldest) {
            return size() > DECODE_CACHE_SIZE;
          }
        };
  }

  @Override
  public int dataShards() {
    return k;
  }

  @Override
  public int parityShards() {
    return m;
  }

  @Override
  public String implementationName() {
    return name;
  }

  /** The (k + m) x k encoding matrix (a copy). */
  public byte[][] encodingMatrix() {
    byte[][] copy = new byte[encodingMatrix.length][];
    for (int r = 0; r < copy.length; r++) {
      copy[r] = encodingMatrix[r].clone();
    }
    return copy;
  }

  @Override
  public void encode(byte[][] data, byte[][] parity, int offset, int length) {
    checkCount("data", data, k);
    checkCount("parity", parity, m);
    checkWindow(offset, length);
    for (int i = 0; i < k; i++) {
      checkShard("data", data, i, offset, length);
    }
    for (int i = 0; i < m; i++) {
      checkShard("parity", parity, i, offset, length);
    }
    if (length > 0 && m > 0) {
      parityKernel.apply(data, offset, parity, offset, length);
    }
  }

  @Override
  public void decode(byte[][] shards, boolean[] present, int offset, int length) {
    int n = k + m;
    checkCount("shards", shards, n);
    Objects.requireNonNull(present, "present");
    if (present.length != n) {
      throw new IllegalArgumentException(
          "present has " + present.length + " flags, expected k + m = " + n);
    }
    checkWindow(offset, length);
    BitSet mask = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (present[i]) {
        mask.set(i);
        checkShard("shards", shards, i, offset, length);
      } else if (shards[i] != null) {
        checkShard("shards", shards, i, offset, length);
      }
    }
    int count = mask.cardinality();
    if (count < k) {
      throw new IllegalArgumentException(
          "cannot decode: only "
              + count
              + " of "
              + n
              + " shards are present, at least k = "
              + k
              + " are needed");
    }
    if (count == n) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (!present[i] && shards[i] == null) {
        shards[i] = new byte[offset + length];
      }
    }
    if (length == 0) {
      return;
    }
    DecodePlan plan = decodePlan(mask);
    byte[][] inputs = new byte[k][];
    for (int x = 0; x < k; x++) {
      inputs[x] = shards[plan.inputs[x]];
    }
    byte[][] outputs = new byte[plan.outputs.length][];
    for (int x = 0; x < outputs.length; x++) {
      outputs[x] = shards[plan.outputs[x]];
    }
    plan.kernel.apply(inputs, offset, outputs, offset, length);
  }

  @Override
  public boolean verify(byte[][] shards, int offset, int length) {
    int n = k + m;
    checkCount("shards", shards, n);
    checkWindow(offset, length);
    for (int i = 0; i < n; i++) {
      checkShard("shards", shards, i, offset, length);
    }
    if (m == 0 || length == 0) {
      return true;
    }
    byte[][] data = Arrays.copyOfRange(shards, 0, k);
    int block = Math.min(VERIFY_BLOCK, length);
    byte[][] expected = new byte[m][block];
    for (int done = 0; done < length; done += block) {
      int len = Math.min(block, length - done);
      parityKernel.apply(data, offset + done, expected, 0, len);
      for (int p = 0; p < m; p++) {
        int from = offset + done;
        if (!Arrays.equals(expected[p], 0, len, shards[k + p], from, from + len)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The cached plan for an erasure pattern, built on a miss. */
  DecodePlan decodePlan(BitSet present) {
    synchronized (decodePlans) {
      DecodePlan plan = decodePlans.get(present);
      if (plan != null) {
        return plan;
      }
    }
    DecodePlan plan = buildDecodePlan(present);
    synchronized (decodePlans) {
      DecodePlan raced = decodePlans.putIfAbsent(present, plan);
      return raced != null ? raced : plan;
    }
  }

  /** The number of cached decode plans (for tests). */
  int cachedDecodePlans() {
    synchronized (decodePlans) {
      return decodePlans.size();
    }
  }

  private DecodePlan buildDecodePlan(BitSet present) {
    int n = k + m;
    // The first k present shards: data shards first, which keeps the inverse sparse when few
    // data shards are lost.
    int[] inputs = new int[k];
    int x = 0;
    for (int i = present.nextSetBit(0); x < k; i = present.nextSetBit(i + 1)) {
      inputs[x++] = i;
    }
    int[] outputs = new int[n - present.cardinality()];
    x = 0;
    for (int i = present.nextClearBit(0); i < n; i = present.nextClearBit(i + 1)) {
      outputs[x++] = i;
    }
    byte[][] chosen = new byte[k][];
    for (int r = 0; r < k; r++) {
      chosen[r] = encodingMatrix[inputs[r]];
    }
    // chosen * data = inputs, so data = inverse * inputs and shard t = encodingMatrix[t] * data.
    byte[][] inverse = Matrices.invert(chosen);
    byte[][] rows = new byte[outputs.length][];
    for (int r = 0; r < outputs.length; r++) {
      int t = outputs[r];
      rows[r] =
          t < k ? inverse[t] : Matrices.multiply(new byte[][] {encodingMatrix[t]}, inverse)[0];
    }
    return new DecodePlan(inputs, outputs, kernels.create(rows));
  }

  private static void checkCount(String what, byte[][] shards, int expected) {
    Objects.requireNonNull(shards, what);
    if (shards.length != expected) {
      throw new IllegalArgumentException(
          what + " has " + shards.length + " shards, expected " + expected);
    }
  }

  private static void checkWindow(int offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "offset and length must be >= 0, got offset=" + offset + ", length=" + length);
    }
    if (offset > Integer.MAX_VALUE - length) {
      throw new IllegalArgumentException(
          "offset + length overflows: offset=" + offset + ", length=" + length);
    }
  }

  private static void checkShard(String what, byte[][] shards, int i, int offset, int length) {
    byte[] shard = shards[i];
    if (shard == null) {
      throw new IllegalArgumentException(what + "[" + i + "] is null");
    }
    if (shard.length < offset + length) {
      throw new IllegalArgumentException(
          what
              + "["
              + i
              + "] has "
              + shard.length
              + " bytes, the window needs offset + length = "
              + (offset + length));
    }
  }

  /** How to rebuild the shards missing in one erasure pattern. */
  static final class DecodePlan {
    final int[] inputs;
    final int[] outputs;
    final CodingKernel kernel;

    DecodePlan(int[] inputs, int[] outputs, CodingKernel kernel) {
      this.inputs = inputs;
      this.outputs = outputs;
      this.kernel = kernel;
    }
  }
}
