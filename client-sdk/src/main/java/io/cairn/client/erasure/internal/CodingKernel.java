/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure.internal;

/**
 * Multiplies a fixed coefficient matrix by a window of byte buffers: {@code outputs[o][outOffset +
 * x] = sum over i of rows[o][i] * inputs[i][inOffset + x]} for x in 0..length-1, in GF(2^8).
 *
 * <p>Implementations are immutable and thread-safe. Callers validate the arguments: every input and
 * output window lies inside its array, and no output aliases an input.
 */
public interface CodingKernel {
  /** Computes the outputs, overwriting their windows. */
  void apply(byte[][] inputs, int inOffset, byte[][] outputs, int outOffset, int length);

  /** Builds the kernel for a coefficient matrix of {@code rows.length} outputs. */
  @FunctionalInterface
  interface Factory {
    /** A kernel for {@code rows} ({@code rows[o][i]} multiplies input i into output o). */
    CodingKernel create(byte[][] rows);
  }
}
