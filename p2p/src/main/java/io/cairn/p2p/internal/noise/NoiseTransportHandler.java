/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import io.cairn.p2p.internal.wire.Violations;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.security.GeneralSecurityException;

/**
 * The Noise transport phase, behind a {@link NoiseFrameDecoder}: decrypts each inbound message into
 * a plaintext buffer for the layer above, which sees a byte stream; encrypts each outbound buffer
 * in messages of at most 65519 plaintext bytes (65535 with the tag). A message that fails
 * authentication closes the connection.
 */
public final class NoiseTransportHandler extends ChannelDuplexHandler {
  public static final int MAX_PLAINTEXT = NoiseFrameDecoder.MAX_MESSAGE_LENGTH - 16;

  private final CipherState sender;
  private final CipherState receiver;
  private boolean failed;

  /** Staging for buffers without a backing array; a message never exceeds 65535 bytes. */
  private final byte[] scratch = new byte[NoiseFrameDecoder.MAX_MESSAGE_LENGTH];

  public NoiseTransportHandler(NoiseXX.Split split) {
    this.sender = split.sender();
    this.receiver = split.receiver();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (failed) {
      frame.release();
      return;
    }
    ByteBuf plain = null;
    try {
      int n = frame.readableBytes();
      if (n < 16) {
        fail(ctx, "Noise transport message of " + n + " bytes is shorter than its tag");
        return;
      }
      // The JDK cipher is fastest on arrays (its ByteBuffer path copies through arrays anyway).
      byte[] in;
      int inOff;
      if (frame.hasArray()) {
        in = frame.array();
        inOff = frame.arrayOffset() + frame.readerIndex();
      } else {
        in = scratch;
        inOff = 0;
        frame.getBytes(frame.readerIndex(), in, 0, n);
      }
      plain = ctx.alloc().heapBuffer(n - 16);
      int written =
          receiver.decrypt(in, inOff, n, plain.array(), plain.arrayOffset() + plain.writerIndex());
      plain.writerIndex(plain.writerIndex() + written);
      ByteBuf ready = plain;
      plain = null;
      if (written > 0) {
        ctx.fireChannelRead(ready);
      } else {
        ready.release();
      }
    } catch (GeneralSecurityException e) {
      fail(ctx, "Noise transport message failed to decrypt");
    } finally {
      frame.release();
      if (plain != null) {
        plain.release();
      }
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.write(msg, promise);
      return;
    }
    try {
      if (failed) {
        promise.tryFailure(new java.nio.channels.ClosedChannelException());
        return;
      }
      while (buf.readableBytes() > MAX_PLAINTEXT) {
        ctx.write(seal(ctx, buf, MAX_PLAINTEXT), ctx.voidPromise());
      }
      ctx.write(seal(ctx, buf, buf.readableBytes()), promise);
    } catch (GeneralSecurityException e) {
      promise.tryFailure(e);
      fail(ctx, "Noise encryption failed: " + e.getMessage());
    } finally {
      ReferenceCountUtil.release(buf);
    }
  }

  private ByteBuf seal(ChannelHandlerContext ctx, ByteBuf buf, int n)
      throws GeneralSecurityException {
    byte[] in;
    int inOff;
    if (buf.hasArray()) {
      in = buf.array();
      inOff = buf.arrayOffset() + buf.readerIndex();
    } else {
      in = scratch;
      inOff = 0;
      buf.getBytes(buf.readerIndex(), in, 0, n);
    }
    ByteBuf out = ctx.alloc().heapBuffer(2 + n + 16);
    try {
      out.writeShort(n + 16);
      int written =
          sender.encrypt(in, inOff, n, out.array(), out.arrayOffset() + out.writerIndex());
      buf.skipBytes(n);
      out.writerIndex(out.writerIndex() + written);
      ByteBuf ready = out;
      out = null;
      return ready;
    } finally {
      if (out != null) {
        out.release();
      }
    }
  }

  private void fail(ChannelHandlerContext ctx, String reason) {
    failed = true;
    Violations.disconnect(ctx, reason);
  }
}
