/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.multistream;

import io.cairn.p2p.internal.wire.ProtocolViolation;
import io.cairn.p2p.internal.wire.Violations;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits a byte stream into multistream-select messages ({@link String}s without the newline).
 * Malformed input closes the connection; nothing is thrown.
 */
public final class MultistreamDecoder extends ByteToMessageDecoder {
  private boolean failed;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      String line = Multistream.decode(in);
      if (line != null) {
        out.add(line);
      }
    } catch (ProtocolViolation e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      Violations.disconnect(ctx, e);
    }
  }
}
