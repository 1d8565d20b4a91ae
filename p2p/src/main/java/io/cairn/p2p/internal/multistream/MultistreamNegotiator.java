/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.multistream;

import io.cairn.p2p.internal.wire.Violations;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Set;

/**
 * multistream-select 1.0 on a whole connection, after a {@link MultistreamDecoder}: the dialer
 * proposes one protocol id, the listener accepts one of a set. On success {@link Outcome#selected}
 * installs the next stage behind this handler; the negotiator then removes itself and the decoder,
 * whose unread bytes flow on to the next stage.
 */
public final class MultistreamNegotiator extends ChannelInboundHandlerAdapter {
  /** At most this many proposals are answered before a listener gives up on a dialer. */
  static final int MAX_PROPOSALS = 16;

  /** What to do when negotiation ends. Both run on the event loop. */
  public interface Outcome {
    /** Add the handlers of {@code protocol} after {@code ctx}; do not remove anything. */
    void selected(ChannelHandlerContext ctx, String protocol);

    /** Negotiation failed; the connection is being closed. */
    void failed(ChannelHandlerContext ctx, String reason);
  }

  private final boolean initiator;
  private final String proposal;
  private final Set<String> supported;
  private final Outcome outcome;
  private boolean headerSeen;
  private boolean done;
  private boolean started;
  private int proposals;

  private MultistreamNegotiator(
      boolean initiator, String proposal, Set<String> supported, Outcome outcome) {
    this.initiator = initiator;
    this.proposal = proposal;
    this.supported = supported;
    this.outcome = outcome;
  }

  public static MultistreamNegotiator initiator(String protocol, Outcome outcome) {
    return new MultistreamNegotiator(
        true, Multistream.checkProtocolId(protocol), Set.of(protocol), outcome);
  }

  public static MultistreamNegotiator responder(Set<String> protocols, Outcome outcome) {
    return new MultistreamNegotiator(false, null, Set.copyOf(protocols), outcome);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  private void start(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    if (initiator) {
      // Header and proposal in one write, as the spec recommends.
      ctx.writeAndFlush(Multistream.encode(ctx.alloc(), Multistream.PROTOCOL_ID, proposal));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof String line)) {
      io.netty.util.ReferenceCountUtil.release(msg);
      fail(ctx, "unexpected message during multistream-select");
      return;
    }
    if (done) {
      return;
    }
    if (!headerSeen) {
      if (!Multistream.PROTOCOL_ID.equals(line)) {
        fail(ctx, "expected " + Multistream.PROTOCOL_ID + " but got '" + printable(line) + "'");
        return;
      }
      headerSeen = true;
      if (!initiator) {
        ctx.writeAndFlush(Multistream.encode(ctx.alloc(), Multistream.PROTOCOL_ID));
      }
      return;
    }
    if (initiator) {
      if (line.equals(proposal)) {
        succeed(ctx, proposal);
      } else if (Multistream.NA.equals(line)) {
        fail(ctx, "remote does not support " + proposal);
      } else {
        fail(ctx, "unexpected multistream answer '" + printable(line) + "'");
      }
      return;
    }
    if (++proposals > MAX_PROPOSALS) {
      fail(ctx, "more than " + MAX_PROPOSALS + " multistream proposals");
      return;
    }
    if (supported.contains(line)) {
      ctx.writeAndFlush(Multistream.encode(ctx.alloc(), line));
      succeed(ctx, line);
    } else {
      ctx.writeAndFlush(Multistream.encode(ctx.alloc(), Multistream.NA));
    }
  }

  private void succeed(ChannelHandlerContext ctx, String protocol) {
    done = true;
    outcome.selected(ctx, protocol);
    var pipeline = ctx.pipeline();
    var decoder = pipeline.get(MultistreamDecoder.class);
    pipeline.remove(this);
    if (decoder != null) {
      pipeline.remove(decoder); // hands its unread bytes to the next stage
    }
  }

  private void fail(ChannelHandlerContext ctx, String reason) {
    done = true;
    outcome.failed(ctx, reason);
    Violations.disconnect(ctx, "multistream-select: " + reason);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!done) {
      done = true;
      outcome.failed(ctx, "connection closed during multistream-select");
    }
    ctx.fireChannelInactive();
  }

  static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    StringBuilder b = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }
}
