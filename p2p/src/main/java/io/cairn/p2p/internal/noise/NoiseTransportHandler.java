/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import io.cairn.p2p.internal.wire.Violations;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
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
      plain = ctx.alloc().buffer(n - 16);
      ByteBuffer out = plain.nioBuffer(0, n - 16);
      int written = receiver.decrypt(frame.nioBuffer(), out);
      plain.writerIndex(written);
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
    ByteBuf out = ctx.alloc().buffer(2 + n + 16);
    try {
      out.writeShort(n + 16);
      ByteBuffer dst = out.nioBuffer(2, n + 16);
      int written = sender.encrypt(buf.nioBuffer(buf.readerIndex(), n), dst);
      buf.skipBytes(n);
      out.writerIndex(2 + written);
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
