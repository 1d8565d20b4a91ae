/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.yamux;

import io.netty.buffer.ByteBuf;

/**
 * A yamux frame header (12 bytes, big-endian). Only Data frames have a body; for the other types
 * {@code length} is a window delta, a ping value or a go-away code.
 *
 * <pre>
 *   +---------+------+-----------+---------------+---------------+
 *   | version | type |   flags   |   stream id   |    length     |
 *   |  1 (0)  |  1   |     2     |       4       |       4       |
 *   +---------+------+-----------+---------------+---------------+
 * </pre>
 *
 * @param length an unsigned 32-bit value, held in a long
 */
public record YamuxHeader(int type, int flags, int streamId, long length) {
  public static final int SIZE = 12;
  public static final int VERSION = 0;

  public static final int TYPE_DATA = 0;
  public static final int TYPE_WINDOW_UPDATE = 1;
  public static final int TYPE_PING = 2;
  public static final int TYPE_GO_AWAY = 3;

  public static final int FLAG_SYN = 0x1;
  public static final int FLAG_ACK = 0x2;
  public static final int FLAG_FIN = 0x4;
  public static final int FLAG_RST = 0x8;

  public static final int GO_AWAY_NORMAL = 0;
  public static final int GO_AWAY_PROTOCOL_ERROR = 1;
  public static final int GO_AWAY_INTERNAL_ERROR = 2;

  public YamuxHeader {
    if (type < TYPE_DATA || type > TYPE_GO_AWAY) {
      throw new IllegalArgumentException("yamux type " + type + " is not 0..3");
    }
    if ((flags & ~0xffff) != 0) {
      throw new IllegalArgumentException("yamux flags must fit 16 bits");
    }
    if (length < 0 || length > 0xffffffffL) {
      throw new IllegalArgumentException("yamux length must fit 32 bits unsigned");
    }
  }

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /** Stream ids are unsigned 32-bit; Cairn keeps them as int bit patterns. */
  public long streamIdUnsigned() {
    return Integer.toUnsignedLong(streamId);
  }

  public void encode(ByteBuf out) {
    out.writeByte(VERSION);
    out.writeByte(type);
    out.writeShort(flags);
    out.writeInt(streamId);
    out.writeInt((int) length);
  }

  public static void encode(ByteBuf out, int type, int flags, int streamId, long length) {
    out.writeByte(VERSION);
    out.writeByte(type);
    out.writeShort(flags);
    out.writeInt(streamId);
    out.writeInt((int) length);
  }
}
