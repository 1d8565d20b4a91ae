/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into Noise messages: {@code u16 big-endian length || message}. A length
 * can never exceed 65535, so the decoder needs no other limit; it emits retained slices.
 *
 * <pre>
 *   +-----------------+-------------------------------+
 *   | length (u16 BE) | message (length bytes)         |
 *   +-----------------+-------------------------------+
 * </pre>
 */
public final class NoiseFrameDecoder extends ByteToMessageDecoder {
  public static final int MAX_MESSAGE_LENGTH = 65535;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 2) {
      return;
    }
    int length = in.getUnsignedShort(in.readerIndex());
    if (in.readableBytes() < 2 + length) {
      return;
    }
    in.skipBytes(2);
    out.add(in.readRetainedSlice(length));
  }
}
