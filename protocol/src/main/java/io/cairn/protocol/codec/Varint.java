/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Multiformats unsigned-varint: unsigned LEB128, seven bits per byte, least significant group
 * first, high bit set on every byte but the last. At most {@link #MAX_BYTES} bytes (63 bits), and
 * always minimally encoded: a decoder rejects a trailing {@code 0x00} group ({@code 81 00} for 1).
 *
 * <p>Since every accepted encoding is minimal, the number of bytes a decode consumed is {@link
 * #size(long) size(value)}.
 *
 * <p>Every malformed input (truncated, overlong, non-minimal) throws {@link
 * IllegalArgumentException} with a message that says which.
 */
public final class Varint {
  /** The longest encoding the spec allows. */
  public static final int MAX_BYTES = 9;

  /** The largest value that fits in {@link #MAX_BYTES} bytes: 2^63 - 1. */
  public static final long MAX_VALUE = Long.MAX_VALUE;

  private Varint() {}

  /** Bytes needed to encode {@code value}. */
  public static int size(long value) {
    requireEncodable(value);
    int bits = 64 - Long.numberOfLeadingZeros(value | 1);
    return (bits + 6) / 7;
  }

  /** The minimal encoding of {@code value} (non-negative). */
  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    encode(value, out, 0);
    return out;
  }

  /** Writes the encoding of {@code value} at {@code dst[off]} and returns the bytes written. */
  public static int encode(long value, byte[] dst, int off) {
    int n = size(value);
    Objects.checkFromIndexSize(off, n, dst.length);
    long v = value;
    for (int i = 0; i < n - 1; i++) {
      dst[off + i] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    dst[off + n - 1] = (byte) v;
    return n;
  }

  /** Appends the encoding of {@code value} to {@code dst}. */
  public static void write(long value, ByteBuffer dst) {
    long v = value;
    int n = size(value);
    for (int i = 0; i < n - 1; i++) {
      dst.put((byte) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    dst.put((byte) v);
  }

  /**
   * Decodes {@code src}, which must hold exactly one varint and nothing else.
   *
   * @throws IllegalArgumentException if empty, truncated, overlong, non-minimal or followed by
   *     bytes
   */
  public static long decode(byte[] src) {
    long v = decode(src, 0, src.length);
    if (size(v) != src.length) {
      throw new IllegalArgumentException(
          "varint followed by " + (src.length - size(v)) + " unexpected byte(s)");
    }
    return v;
  }

  /**
   * Decodes the varint that starts at {@code src[off]}, looking at no byte at or after {@code off +
   * len}. It consumed {@link #size(long) size(result)} bytes.
   *
   * @throws IllegalArgumentException if truncated, overlong or non-minimal
   */
  public static long decode(byte[] src, int off, int len) {
    Objects.checkFromIndexSize(off, len, src.length);
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (i >= len) {
        throw new IllegalArgumentException(
            len == 0 ? "varint missing: no bytes" : "varint truncated after " + len + " byte(s)");
      }
      int b = src[off + i] & 0xff;
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new IllegalArgumentException("varint not minimally encoded");
        }
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than " + MAX_BYTES + " bytes");
  }

  /**
   * Reads one varint from {@code src} and advances its position past it. On error the position is
   * left where it was.
   *
   * @throws IllegalArgumentException if truncated (fewer bytes remain than the varint needs),
   *     overlong or non-minimal
   */
  public static long read(ByteBuffer src) {
    int start = src.position();
    int avail = Math.min(src.remaining(), MAX_BYTES);
    byte[] head = new byte[avail];
    src.get(start, head, 0, avail);
    long v = decode(head, 0, avail);
    src.position(start + size(v));
    return v;
  }

  /**
   * Reads one varint from a stream, byte by byte.
   *
   * @return the value, or -1 if the stream ended before the first byte
   * @throws EOFException if the stream ends inside the varint
   * @throws IllegalArgumentException if overlong or non-minimal
   */
  public static long read(InputStream in) throws IOException {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      int b = in.read();
      if (b < 0) {
        if (i == 0) {
          return -1;
        }
        throw new EOFException("stream ended inside a varint after " + i + " byte(s)");
      }
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new IllegalArgumentException("varint not minimally encoded");
        }
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than " + MAX_BYTES + " bytes");
  }

  private static void requireEncodable(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("varint value must be non-negative: " + value);
    }
  }
}
