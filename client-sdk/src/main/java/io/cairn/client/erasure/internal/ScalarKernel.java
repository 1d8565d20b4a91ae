/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The portable kernel: one 256-byte product row per coefficient, eight bytes per step through a
 * long view so each output word is read and written once per input.
 *
 * <p>Works on blocks of {@link #BLOCK} bytes so that the output block stays in the L1 cache while
 * every input is added into it.
 */
public final class ScalarKernel implements CodingKernel {
  static final int BLOCK = 8 * 1024;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[][] rows;

  /** A kernel for {@code rows}, which it copies. */
  public ScalarKernel(byte[][] rows) {
    this.rows = new byte[rows.length][];
    for (int o = 0; o < rows.length; o++) {
      this.rows[o] = rows[o].clone();
    }
  }

  @Override
  public void apply(byte[][] inputs, int inOffset, byte[][] outputs, int outOffset, int length) {
    for (int done = 0; done < length; done += BLOCK) {
      int n = Math.min(BLOCK, length - done);
      for (int o = 0; o < rows.length; o++) {
        byte[] row = rows[o];
        byte[] dst = outputs[o];
        for (int i = 0; i < row.length; i++) {
          multiply(row[i] & 0xff, inputs[i], inOffset + done, dst, outOffset + done, n, i > 0);
        }
      }
    }
  }

  /** {@code dst[d..d+n) = c * src[s..s+n)}, or {@code ^=} that when {@code add}. */
  static void multiply(int c, byte[] src, int s, byte[] dst, int d, int n, boolean add) {
    if (c == 0) {
      if (!add) {
        java.util.Arrays.fill(dst, d, d + n, (byte) 0);
      }
      return;
    }
    if (c == 1) {
      if (add) {
        xor(src, s, dst, d, n);
      } else {
        System.arraycopy(src, s, dst, d, n);
      }
      return;
    }
    byte[] t = GaloisField.productRow(c);
    int j = 0;
    for (; j <= n - Long.BYTES; j += Long.BYTES) {
      long v = (long) LONGS.get(src, s + j);
      long p =
          (t[(int) v & 0xff] & 0xffL)
              | (t[(int) (v >>> 8) & 0xff] & 0xffL) << 8
              | (t[(int) (v >>> 16) & 0xff] & 0xffL) << 16
              | (t[(int) (v >>> 24) & 0xff] & 0xffL) << 24
              | (t[(int) (v >>> 32) & 0xff] & 0xffL) << 32
              | (t[(int) (v >>> 40) & 0xff] & 0xffL) << 40
              | (t[(int) (v >>> 48) & 0xff] & 0xffL) << 48
              | (t[(int) (v >>> 56) & 0xff] & 0xffL) << 56;
      if (add) {
        p ^= (long) LONGS.get(dst, d + j);
      }
      LONGS.set(dst, d + j, p);
    }
    for (; j < n; j++) {
      byte p = t[src[s + j] & 0xff];
      dst[d + j] = add ? (byte) (dst[d + j] ^ p) : p;
    }
  }

  private static void xor(byte[] src, int s, byte[] dst, int d, int n) {
    int j = 0;
    for (; j <= n - Long.BYTES; j += Long.BYTES) {
      LONGS.set(dst, d + j, (long) LONGS.get(dst, d + j) ^ (long) LONGS.get(src, s + j));
    }
    for (; j < n; j++) {
      dst[d + j] ^= src[s + j];
    }
  }
}
