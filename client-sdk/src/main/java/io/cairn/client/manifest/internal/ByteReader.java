/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest.internal;

import io.cairn.protocol.Bytes;
import java.util.Arrays;

/**
 * A bounds-checked big-endian reader over an untrusted byte array. Every read checks the remaining
 * length first and throws a {@link ManifestViolation} (malformed, "truncated") that names the
 * field, so nothing is allocated from a length the input has not room for.
 */
public final class ByteReader {
  private final byte[] data;
  private final int end;
  private int pos;

  /** Reads {@code data[from..end)}. */
  public ByteReader(byte[] data, int from, int end) {
    if (from < 0 || end > data.length || from > end) {
      throw new IllegalArgumentException("bad range " + from + ".." + end);
    }
    this.data = data;
    this.pos = from;
    this.end = end;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return end - pos;
  }

  /** Fails unless at least {@code n} bytes remain. */
  public void need(long n, String field) {
    if (n > end - pos) {
      throw ManifestViolation.malformed(
          "manifest is truncated: "
              + field
              + " needs "
              + n
              + " bytes at offset "
              + pos
              + ", only "
              + (end - pos)
              + " remain");
    }
  }

  public int u8(String field) {
    need(1, field);
    return data[pos++] & 0xff;
  }

  public int u16(String field) {
    need(2, field);
    int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  public long u32(String field) {
    need(4, field);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (data[pos++] & 0xff);
    }
    return v;
  }

  /** A u32 that must fit in {@code [min, max]}, else malformed naming the field. */
  public int u32In(int min, int max, String field) {
    int at = pos;
    long v = u32(field);
    if (v < min || v > max) {
      throw ManifestViolation.malformed(
          field + " is " + v + " at offset " + at + "; it must be between " + min + " and " + max);
    }
    return (int) v;
  }

  public long u64(String field) {
    need(8, field);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (data[pos++] & 0xff);
    }
    return v;
  }

  public byte[] bytes(int n, String field) {
    need(n, field);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  public Bytes fixed(int n, String field) {
    return Bytes.wrap(bytes(n, field));
  }
}
