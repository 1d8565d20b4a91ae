/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.wire;

import io.netty.buffer.ByteBuf;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Multiformats unsigned varints (unsigned LEB128, minimal encoding, at most 9 bytes) over Netty
 * buffers and blocking streams. Every reader takes the largest value it accepts, so a length is
 * bounded before anything is allocated from it.
 */
public final class Varints {
  /** Returned by {@link #read(ByteBuf, long, String)} when the varint is not complete yet. */
  public static final long INCOMPLETE = -1;

  private static final int MAX_BYTES = 9;

  private Varints() {}

  /**
   * Reads a varint at the reader index. Returns {@link #INCOMPLETE} (reader index unchanged) when
   * more bytes are needed; otherwise advances past it.
   *
   * @param field names the value in the error message
   */
  public static long read(ByteBuf in, long maxValue, String field) throws ProtocolViolation {
    int start = in.readerIndex();
    int end = in.writerIndex();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (start + i >= end) {
        return INCOMPLETE;
      }
      int b = in.getByte(start + i) & 0xff;
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new ProtocolViolation(field + ": varint is not minimally encoded");
        }
        if (value > maxValue) {
          throw new ProtocolViolation(field + " " + value + " exceeds the limit of " + maxValue);
        }
        in.readerIndex(start + i + 1);
        return value;
      }
      if (value > maxValue) {
        throw new ProtocolViolation(field + " exceeds the limit of " + maxValue);
      }
    }
    throw new ProtocolViolation(field + ": varint longer than 9 bytes");
  }

  /** Reads a varint from a blocking stream; returns -1 on a clean end before its first byte. */
  public static long read(InputStream in, long maxValue, String field) throws IOException {
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      int b = in.read();
      if (b < 0) {
        if (i == 0) {
          return -1;
        }
        throw new EOFException(field + ": stream ended inside a varint");
      }
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new IOException(field + ": varint is not minimally encoded");
        }
        if (value > maxValue) {
          throw new IOException(field + " " + value + " exceeds the limit of " + maxValue);
        }
        return value;
      }
      if (value > maxValue) {
        throw new IOException(field + " exceeds the limit of " + maxValue);
      }
    }
    throw new IOException(field + ": varint longer than 9 bytes");
  }

  public static int size(long value) {
    int n = 1;
    while ((value & ~0x7fL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  public static void write(ByteBuf out, long value) {
    while ((value & ~0x7fL) != 0) {
      out.writeByte((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  public static int write(byte[] out, int off, long value) {
    while ((value & ~0x7fL) != 0) {
      out[off++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out[off++] = (byte) value;
    return off;
  }

  public static void write(OutputStream out, long value) throws IOException {
    byte[] b = new byte[MAX_BYTES + 1];
    int n = write(b, 0, value);
    out.write(b, 0, n);
  }
}
