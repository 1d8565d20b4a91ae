/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.yamux;

import io.cairn.p2p.internal.wire.Violations;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns a byte stream into yamux frames without buffering whole Data bodies: it emits a {@link
 * YamuxHeader} for every frame, and for a Data frame then emits its body as one or more retained
 * {@link ByteBuf} slices as they arrive (their sizes add up to the header's length). A bad version
 * or type, or a Data length over {@code maxDataLength}, disconnects.
 */
public final class YamuxFrameDecoder extends ByteToMessageDecoder {
  private final long maxDataLength;
  private long bodyRemaining;
  private boolean failed;

  public YamuxFrameDecoder(long maxDataLength) {
    this.maxDataLength = maxDataLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (bodyRemaining > 0) {
      int n = (int) Math.min(bodyRemaining, in.readableBytes());
      if (n > 0) {
        out.add(in.readRetainedSlice(n));
        bodyRemaining -= n;
      }
      return;
    }
    if (in.readableBytes() < YamuxHeader.SIZE) {
      return;
    }
    int i = in.readerIndex();
    int version = in.getUnsignedByte(i);
    int type = in.getUnsignedByte(i + 1);
    if (version != YamuxHeader.VERSION) {
      fail(ctx, in, "yamux version " + version + " is not 0");
      return;
    }
    if (type > YamuxHeader.TYPE_GO_AWAY) {
      fail(ctx, in, "yamux frame type " + type + " is unknown");
      return;
    }
    int flags = in.getUnsignedShort(i + 2);
    int streamId = in.getInt(i + 4);
    long length = in.getUnsignedInt(i + 8);
    if (type == YamuxHeader.TYPE_DATA && length > maxDataLength) {
      fail(ctx, in, "yamux data frame of " + length + " bytes exceeds " + maxDataLength);
      return;
    }
    in.skipBytes(YamuxHeader.SIZE);
    out.add(new YamuxHeader(type, flags, streamId, length));
    if (type == YamuxHeader.TYPE_DATA) {
      bodyRemaining = length;
    }
  }

  private void fail(ChannelHandlerContext ctx, ByteBuf in, String reason) {
    failed = true;
    in.skipBytes(in.readableBytes());
    Violations.disconnect(ctx, reason);
  }
}
