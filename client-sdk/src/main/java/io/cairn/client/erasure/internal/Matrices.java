/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

/** Dense matrices over GF(2^8), stored as {@code byte[rows][columns]}. */
public final class Matrices {
  private Matrices() {}

  /**
   * The systematic encoding matrix of a Reed-Solomon code with {@code k} data and {@code m} parity
   * shards: the k x k identity on top of the m x k Cauchy matrix {@code C[i][j] = 1 / (x_i + y_j)}
   * with {@code x_i = k + i} and {@code y_j = j} (ISA-L's {@code gf_gen_cauchy1_matrix}).
   *
   * <p>Every square submatrix of a Cauchy matrix is invertible, so any k rows of the result are:
   * any k of the k + m shards rebuild the data.
   */
  public static byte[][] cauchyEncodingMatrix(int k, int m) {
    if (k < 1 || m < 0 || k + m > GaloisField.ORDER) {
      throw new IllegalArgumentException(
          "need k >= 1, m >= 0 and k + m <= 256, got k=" + k + ", m=" + m);
    }
    byte[][] matrix = new byte[k + m][k];
    for (int i = 0; i < k; i++) {
      matrix[i][i] = 1;
    }
    for (int i = k; i < k + m; i++) {
      for (int j = 0; j < k; j++) {
        matrix[i][j] = (byte) GaloisField.inv(i ^ j);
      }
    }
    return matrix;
  }

  /** {@code a * b}. */
  public static byte[][] multiply(byte[][] a, byte[][] b) {
    int inner = b.length;
    int columns = inner == 0 ? 0 : b[0].length;
    byte[][] product = new byte[a.length][columns];
    for (int r = 0; r < a.length; r++) {
      if (a[r].length != inner) {
        throw new IllegalArgumentException(
            "row " + r + " has " + a[r].length + " columns, expected " + inner);
      }
      for (int c = 0; c < columns; c++) {
        int sum = 0;
        for (int x = 0; x < inner; x++) {
          sum ^= GaloisField.mul(a[r][x] & 0xff, b[x][c] & 0xff);
        }
        product[r][c] = (byte) sum;
      }
    }
    return product;
  }

  /**
   * The inverse of the square matrix {@code a}, by Gauss-Jordan elimination. {@code a} is not
   * modified.
   *
   * @throws IllegalArgumentException if {@code a} is not square or is singular
   */
  public static byte[][] invert(byte[][] a) {
    int n = a.length;
    byte[][] work = new byte[n][];
    byte[][] inverse = new byte[n][n];
    for (int r = 0; r < n; r++) {
      if (a[r].length != n) {
        throw new IllegalArgumentException(
            "not square: row " + r + " has " + a[r].length + " columns, expected " + n);
      }
      work[r] = a[r].clone();
      inverse[r][r] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      while (pivot < n && work[pivot][col] == 0) {
        pivot++;
      }
      if (pivot == n) {
        throw new IllegalArgumentException("singular matrix: no pivot in column " + col);
      }
      swap(work, col, pivot);
      swap(inverse, col, pivot);
      int scale = GaloisField.inv(work[col][col] & 0xff);
      scaleRow(work[col], scale);
      scaleRow(inverse[col], scale);
      for (int r = 0; r < n; r++) {
        int factor = work[r][col] & 0xff;
        if (r != col && factor != 0) {
          addScaledRow(work[r], work[col], factor);
          addScaledRow(inverse[r], inverse[col], factor);
        }
      }
    }
    return inverse;
  }

  private static void swap(byte[][] rows, int i, int j) {
    byte[] t = rows[i];
    rows[i] = rows[j];
    rows[j] = t;
  }

  private static void scaleRow(byte[] row, int scale) {
    for (int c = 0; c < row.length; c++) {
      row[c] = (byte) GaloisField.mul(row[c] & 0xff, scale);
    }
  }

  private static void addScaledRow(byte[] target, byte[] source, int factor) {
    for (int c = 0; c < target.length; c++) {
      target[c] ^= (byte) GaloisField.mul(source[c] & 0xff, factor);
    }
  }
}
