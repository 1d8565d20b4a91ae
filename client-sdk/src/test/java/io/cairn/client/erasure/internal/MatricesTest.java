/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatricesTest {
  @Test
  void shouldBuildTheHandCheckedTwoPlusOneMatrix() {
    // x_0 = k = 2, y = (0, 1): C = [1/(2^0), 1/(2^1)] = [1/2, 1/3] = [0x8e, 0xf4]
    // (2 * 0x8e = 0x11c = 1 mod 0x11D; 3 * 0xf4 = 0xf4 ^ 0x1e8 = 0x11c = 1 mod 0x11D).
    byte[][] expected = {{1, 0}, {0, 1}, {(byte) 0x8e, (byte) 0xf4}};
    assertArrayEquals(expected, Matrices.cauchyEncodingMatrix(2, 1));
  }

  @Test
  void shouldReplicateWhenThereIsOneDataShard() {
    // 1/(1^0) = 1: with k = 1 the first parity shard is a copy of the data.
    byte[][] matrix = Matrices.cauchyEncodingMatrix(1, 3);
    assertArrayEquals(new byte[] {1}, matrix[1]);
    assertArrayEquals(new byte[] {(byte) 0x8e}, matrix[2]);
    assertArrayEquals(new byte[] {(byte) 0xf4}, matrix[3]);
  }

  @Test
  void shouldRejectImpossibleShapes() {
    assertThrows(IllegalArgumentException.class, () -> Matrices.cauchyEncodingMatrix(0, 1));
    assertThrows(IllegalArgumentException.class, () -> Matrices.cauchyEncodingMatrix(1, -1));
    assertThrows(IllegalArgumentException.class, () -> Matrices.cauchyEncodingMatrix(200, 57));
    Matrices.cauchyEncodingMatrix(200, 56);
  }

  @Test
  void shouldInvertEveryChoiceOfKRows() {
    int[][] shapes = {{1, 1}, {2, 1}, {3, 3}, {4, 2}, {6, 3}, {5, 5}};
    for (int[] shape : shapes) {
      int k = shape[0];
      int n = k + shape[1];
      byte[][] matrix = Matrices.cauchyEncodingMatrix(k, shape[1]);
      for (int mask = 0; mask < 1 << n; mask++) {
        if (Integer.bitCount(mask) != k) {
          continue;
        }
        byte[][] chosen = new byte[k][];
        for (int i = 0, r = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            chosen[r++] = matrix[i];
          }
        }
        byte[][] product = Matrices.multiply(Matrices.invert(chosen), chosen);
        assertTrue(isIdentity(product), "k=" + k + " rows " + Integer.toBinaryString(mask));
      }
    }
  }

  @Test
  void shouldRejectSingularMatrices() {
    byte[][] singular = {{1, 2}, {2, 4}};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Matrices.invert(singular));
    assertTrue(e.getMessage().contains("singular"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Matrices.invert(new byte[][] {{1, 2}}));
  }

  private static boolean isIdentity(byte[][] m) {
    for (int r = 0; r < m.length; r++) {
      for (int c = 0; c < m[r].length; c++) {
        if (m[r][c] != (r == c ? 1 : 0)) {
          return false;
        }
      }
    }
    return true;
  }
}
