/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.wire;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: an I/O error (a reset, a broken pipe) closes the connection
 * quietly; anything else is a bug or a violation and is logged before closing.
 */
@ChannelHandler.Sharable
public final class ConnectionExceptionHandler extends ChannelInboundHandlerAdapter {
  public static final ConnectionExceptionHandler INSTANCE = new ConnectionExceptionHandler();

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionExceptionHandler.class);

  private ConnectionExceptionHandler() {}

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.channel().attr(ChannelAttributes.CLOSE_REASON).setIfAbsent(cause.toString());
      ctx.close();
    } else {
      LOG.warn("connection {} failed", ctx.channel().remoteAddress(), cause);
      Violations.disconnect(ctx, "internal error: " + cause.getClass().getSimpleName());
    }
  }
}
