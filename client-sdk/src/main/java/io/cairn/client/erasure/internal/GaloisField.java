/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

/**
 * Arithmetic in GF(2^8) with the reducing polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and
 * generator 2, the field of ISA-L, Hadoop/Ozone's Java RS coder and QR codes.
 *
 * <p>Addition is XOR. Multiplication goes through a full 256 x 256 product table (64 KiB), so a
 * coder multiplying a whole buffer by one coefficient {@code c} indexes a single 256-byte row.
 */
public final class GaloisField {
  /** The reducing polynomial, including the x^8 term. */
  public static final int POLYNOMIAL = 0x11D;

  /** The number of elements. */
  public static final int ORDER = 256;

  // EXP is doubled so that EXP[LOG[a] + LOG[b]] needs no modulo.
  private static final int[] EXP = new int[2 * ORDER];
  private static final int[] LOG = new int[ORDER];
  private static final byte[][] PRODUCTS = new byte[ORDER][ORDER];
  private static final int[] INVERSES = new int[ORDER];

  static {
    int x = 1;
    for (int i = 0; i < ORDER - 1; i++) {
      EXP[i] = x;
      LOG[x] = i;
      x <<= 1;
      if ((x & 0x100) != 0) {
        x ^= POLYNOMIAL;
      }
    }
    for (int i = ORDER - 1; i < EXP.length; i++) {
      EXP[i] = EXP[i - (ORDER - 1)];
    }
    for (int a = 1; a < ORDER; a++) {
      for (int b = 1; b < ORDER; b++) {
        PRODUCTS[a][b] = (byte) EXP[LOG[a] + LOG[b]];
      }
      INVERSES[a] = EXP[(ORDER - 1) - LOG[a]];
    }
  }

  private GaloisField() {}

  /** {@code a * b}, for {@code a} and {@code b} in 0..255. */
  public static int mul(int a, int b) {
    return PRODUCTS[a][b] & 0xff;
  }

  /** {@code a / b}. */
  public static int div(int a, int b) {
    return mul(a, inv(b));
  }

  /**
   * The multiplicative inverse of {@code a}.
   *
   * @throws ArithmeticException if {@code a} is zero
   */
  public static int inv(int a) {
    if (a == 0) {
      throw new ArithmeticException("zero has no inverse in GF(2^8)");
    }
    return INVERSES[a];
  }

  /** {@code 2^n}, for {@code n >= 0}. */
  public static int exp(int n) {
    return EXP[n % (ORDER - 1)];
  }

  /**
   * The discrete logarithm of {@code a} to base 2.
   *
   * @throws ArithmeticException if {@code a} is zero
   */
  public static int log(int a) {
    if (a == 0) {
      throw new ArithmeticException("zero has no logarithm in GF(2^8)");
    }
    return LOG[a];
  }

  /**
   * The products {@code c * x} for every byte {@code x}, indexed by {@code x & 0xff}. The returned
   * array is shared: callers must not modify it.
   */
  static byte[] productRow(int c) {
    return PRODUCTS[c];
  }
}
