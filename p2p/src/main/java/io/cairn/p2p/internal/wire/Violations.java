/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.wire;

import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that decides what a protocol violation costs: the connection, with a log line. */
public final class Violations {
  private static final Logger LOG = LoggerFactory.getLogger("io.cairn.p2p.violations");

  private Violations() {}

  public static void disconnect(ChannelHandlerContext ctx, ProtocolViolation violation) {
    disconnect(ctx, violation.getMessage());
  }

  public static void disconnect(ChannelHandlerContext ctx, String reason) {
    if (ctx.channel().isOpen()) {
      LOG.warn("disconnecting {}: {}", ctx.channel().remoteAddress(), reason);
      ctx.channel().attr(ChannelAttributes.CLOSE_REASON).setIfAbsent(reason);
      ctx.close();
    }
  }
}
