/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * Random access to a shard's bytes, so a node can answer a challenge from its store without loading
 * the whole shard: {@link AuditSampler} reads only the sampled blocks.
 *
 * <p>Implementations need not be thread-safe; the sampler reads from one thread, in ascending
 * offset order, and never past {@link #size()}.
 */
public interface BlockSource {
  /** The shard's length in bytes; constant for the life of the source. */
  long size();

  /**
   * Reads exactly {@code len} bytes starting at {@code offset} into {@code dst[dstOff..]}.
   *
   * @throws IOException if the bytes cannot be read in full (a short read is an error, not a
   *     partial result)
   */
  void read(long offset, byte[] dst, int dstOff, int len) throws IOException;

  /** A source over {@code array[off, off + len)}; the array is not copied. */
  static BlockSource of(byte[] array, int off, int len) {
    Objects.checkFromIndexSize(off, len, array.length);
    return new BlockSource() {
      @Override
      public long size() {
        return len;
      }

      @Override
      public void read(long offset, byte[] dst, int dstOff, int n) throws IOException {
        if (offset < 0 || n < 0 || offset > len - (long) n) {
          throw new EOFException(
              "read of " + n + " bytes at " + offset + " past the end of a " + len + "-byte shard");
        }
        System.arraycopy(array, off + (int) offset, dst, dstOff, n);
      }
    };
  }
}
