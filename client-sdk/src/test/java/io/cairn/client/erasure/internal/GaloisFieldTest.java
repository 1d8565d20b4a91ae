/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaloisFieldTest {
  /**
   * Carry-less multiplication reduced by 0x11D, bit by bit: an implementation independent of the
   * tables under test.
   */
  static int slowMul(int a, int b) {
    int product = 0;
    for (int bit = 0; bit < 8; bit++) {
      if ((b & (1 << bit)) != 0) {
        product ^= a << bit;
      }
    }
    for (int bit = 14; bit >= 8; bit--) {
      if ((product & (1 << bit)) != 0) {
        product ^= 0x11D << (bit - 8);
      }
    }
    return product;
  }

  @Test
  void shouldReduceByThePolynomial0x11D() {
    assertEquals(0x1d, GaloisField.mul(2, 0x80));
    assertEquals(0x3a, GaloisField.mul(4, 0x80));
    assertEquals(0x01, GaloisField.mul(2, 0x8e));
    assertEquals(0x01, GaloisField.mul(3, 0xf4));
  }

  @Test
  void shouldMatchThePublishedAntilogTable() {
    // Powers of the generator 2 in GF(2^8) mod 0x11D: the antilog table of the QR code
    // Reed-Solomon code (ISO/IEC 18004, which uses the same field), first sixteen entries.
    int[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 29, 58, 116, 232, 205, 135, 19, 38};
    for (int n = 0; n < expected.length; n++) {
      assertEquals(expected[n], GaloisField.exp(n), "2^" + n);
      assertEquals(n, GaloisField.log(expected[n]), "log " + expected[n]);
    }
    assertEquals(1, GaloisField.exp(255), "the multiplicative group has order 255");
  }

  @Test
  void shouldMatchBitwiseMultiplicationForEveryPair() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        assertEquals(slowMul(a, b), GaloisField.mul(a, b), a + " * " + b);
      }
    }
  }

  @Test
  void shouldInvertEveryNonZeroElement() {
    assertEquals(0x8e, GaloisField.inv(2));
    assertEquals(0xf4, GaloisField.inv(3));
    assertEquals(1, GaloisField.inv(1));
    for (int a = 1; a < 256; a++) {
      assertEquals(1, GaloisField.mul(a, GaloisField.inv(a)), "a = " + a);
      assertEquals(a, GaloisField.div(GaloisField.mul(a, 0x53), 0x53), "a = " + a);
    }
  }

  @Test
  void shouldRejectZeroInverseAndLogarithm() {
    assertThrows(ArithmeticException.class, () -> GaloisField.inv(0));
    assertThrows(ArithmeticException.class, () -> GaloisField.log(0));
  }

  @Test
  void shouldExposeProductRowsOfTheTable() {
    for (int c = 0; c < 256; c += 17) {
      byte[] row = GaloisField.productRow(c);
      for (int x = 0; x < 256; x++) {
        assertEquals(slowMul(c, x), row[x] & 0xff, c + " * " + x);
      }
    }
  }
}
