/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

import jdk.incubator.vector.ByteVector;

/**
 * The SIMD kernels (JDK Vector API): split-nibble table lookups. For a coefficient c, {@code c * b
 * = low[b & 15] ^ high[b >>> 4]} where {@code low[x] = c * x} and {@code high[x] = c * (x << 4)},
 * and a 16-entry lookup is one byte shuffle ({@code selectFrom}) per vector.
 *
 * <p>Only {@link VectorSupport} refers to these classes, reflectively, after checking that the
 * module {@code jdk.incubator.vector} is present, so the SDK links without it.
 *
 * <p>One subclass per vector size ({@link VectorKernel128}, {@link VectorKernel256}, {@link
 * VectorKernel512}), each with its species in a {@code static final} field: the Vector API only
 * compiles to SIMD instructions when the species is a constant, and a species read from a field
 * would make a JVM that uses two sizes fall back to slow generic code. The three subclasses are
 * identical apart from that constant; change them together.
 *
 * <p>Loop structure: the buffers are cut into blocks of {@link #BLOCK} bytes. Within a block the
 * outputs are done in groups of up to four; for each input the group's eight tables are loaded into
 * registers once and the inner loop reads the input block once while adding into all four output
 * blocks, which stay in the L1 cache. The input blocks stay in L2 between groups.
 */
public abstract sealed class VectorKernel implements CodingKernel
    permits VectorKernel128, VectorKernel256, VectorKernel512 {
  static final int BLOCK = 8 * 1024;

  /** Bytes per coefficient in {@link #tables}: the low table, then the high table. */
  static final int TABLE_BYTES = 32;

  private static final int MAX_VECTOR_BYTES = 64;

  final int outputCount;
  final int inputCount;
  private final byte[][] rows;

  /**
   * For output o and input i, at {@code (o * inputCount + i) * 32}: {@code c * x} then {@code c *
   * (x << 4)} for x in 0..15. A wider vector loaded at either offset has the 16 entries it needs in
   * its first lanes; the rest are never indexed. Padded so that such a load stays inside the array.
   */
  final byte[] tables;

  VectorKernel(byte[][] rows) {
    this.outputCount = rows.length;
    this.inputCount = rows.length == 0 ? 0 : rows[0].length;
    this.rows = new byte[outputCount][];
    this.tables = new byte[outputCount * inputCount * TABLE_BYTES + MAX_VECTOR_BYTES];
    for (int o = 0; o < outputCount; o++) {
      this.rows[o] = rows[o].clone();
      for (int i = 0; i < inputCount; i++) {
        int c = rows[o][i] & 0xff;
        int at = (o * inputCount + i) * TABLE_BYTES;
        for (int x = 0; x < 16; x++) {
          tables[at + x] = (byte) GaloisField.mul(c, x);
          tables[at + 16 + x] = (byte) GaloisField.mul(c, x << 4);
        }
      }
    }
  }

  /**
   * A factory of kernels using vectors of {@code bits} bits (128, 256 or 512), or of the preferred
   * size when {@code bits} is 0.
   *
   * @throws IllegalArgumentException as {@link #resolveBits} does
   */
  public static CodingKernel.Factory factory(int bits) {
    return switch (resolveBits(bits)) {
      case 128 -> VectorKernel128::new;
      case 256 -> VectorKernel256::new;
      default -> VectorKernel512::new;
    };
  }

  /**
   * The vector size in bits that {@link #factory factory(bits)} would use.
   *
   * @throws IllegalArgumentException if that size is not 128, 256 or 512 bits, or is larger than
   *     the machine's preferred size (wider vectors would run as slow generic Java code)
   */
  public static int resolveBits(int bits) {
    int preferred = ByteVector.SPECIES_PREFERRED.vectorBitSize();
    int size = bits == 0 ? preferred : bits;
    if (size != 128 && size != 256 && size != 512) {
      throw new IllegalArgumentException(
          "vector size " + size + " bits is not usable, need 128, 256 or 512");
    }
    if (size > preferred) {
      throw new IllegalArgumentException(
          "vector size " + size + " bits exceeds this machine's " + preferred + " bits");
    }
    return size;
  }

  @Override
  public final void apply(
      byte[][] inputs, int inOffset, byte[][] outputs, int outOffset, int length) {
    for (int done = 0; done < length; done += BLOCK) {
      int n = Math.min(BLOCK, length - done);
      int in = inOffset + done;
      int out = outOffset + done;
      int o = 0;
      for (; o + 4 <= outputCount; o += 4) {
        group4(inputs, in, outputs, o, out, n);
      }
      if (o + 2 <= outputCount) {
        group2(inputs, in, outputs, o, out, n);
        o += 2;
      }
      if (o < outputCount) {
        group1(inputs, in, outputs, o, out, n);
      }
    }
  }

  /** Outputs o..o+3 of a block of n bytes. */
  abstract void group4(byte[][] inputs, int in, byte[][] outputs, int o, int out, int n);

  /** Outputs o and o+1 of a block of n bytes. */
  abstract void group2(byte[][] inputs, int in, byte[][] outputs, int o, int out, int n);

  /** Output o of a block of n bytes. */
  abstract void group1(byte[][] inputs, int in, byte[][] outputs, int o, int out, int n);

  /** Where the low table of the coefficient of input i in output o starts in {@link #tables}. */
  final int table(int o, int i) {
    return (o * inputCount + i) * TABLE_BYTES;
  }

  /** The bytes {@code [from, n)} of the block that do not fill a whole vector. */
  final void tail(
      int o, int i, byte[] src, int in, byte[][] outputs, int out, int from, int n, int count) {
    if (from == n) {
      return;
    }
    for (int x = 0; x < count; x++) {
      ScalarKernel.multiply(
          rows[o + x][i] & 0xff, src, in + from, outputs[o + x], out + from, n - from, i > 0);
    }
  }
}
