/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest.internal;

import io.cairn.protocol.Bytes;
import java.util.Arrays;

/** A growable big-endian byte buffer for the manifest encoder. */
public final class ByteWriter {
  private byte[] buf;
  private int size;

  public ByteWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int more) {
    int needed = size + more;
    if (needed < 0) {
      throw new IllegalStateException("manifest encoding overflows 2 GiB");
    }
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size)));
    }
  }

  public ByteWriter u8(int v) {
    if ((v & ~0xff) != 0) {
      throw new IllegalArgumentException("u8 out of range: " + v);
    }
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public ByteWriter u16(int v) {
    if ((v & ~0xffff) != 0) {
      throw new IllegalArgumentException("u16 out of range: " + v);
    }
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
    return this;
  }

  public ByteWriter u32(long v) {
    if ((v & ~0xffffffffL) != 0) {
      throw new IllegalArgumentException("u32 out of range: " + v);
    }
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buf[size++] = (byte) (v >>> shift);
    }
    return this;
  }

  public ByteWriter u64(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[size++] = (byte) (v >>> shift);
    }
    return this;
  }

  public ByteWriter bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  public ByteWriter bytes(Bytes b) {
    ensure(b.size());
    b.copyTo(buf, size);
    size += b.size();
    return this;
  }

  public int size() {
    return size;
  }

  /** The bytes written so far (a copy trimmed to size). */
  public byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }

  /** The internal buffer, valid up to {@link #size()}; for hashing without a copy. */
  public byte[] buffer() {
    return buf;
  }
}
