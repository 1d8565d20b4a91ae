/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import io.cairn.p2p.P2pException;
import io.cairn.p2p.internal.wire.Violations;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The libp2p {@code /noise} handshake on a connection, behind a {@link NoiseFrameDecoder}. It runs
 * Noise XX with a fresh static key, sends the signed libp2p payload, verifies the remote's payload
 * against the static key the handshake delivered, and, when dialing a known {@code /p2p/<id>},
 * checks that the remote proved that identity. Then it puts a {@link NoiseTransportHandler} in its
 * place and reports the remote peer id.
 */
public final class NoiseHandshakeHandler extends ChannelInboundHandlerAdapter {
  /** What to do when the handshake ends; both run on the event loop. */
  public interface Outcome {
    /**
     * The connection is secured; {@code transport} is the context of the new {@link
     * NoiseTransportHandler}, after which the muxer stage is to be added.
     *
     * @param inlinedMuxer the muxer chosen inside the handshake, or empty to negotiate one
     */
    void secured(ChannelHandlerContext transport, PeerId remote, Optional<String> inlinedMuxer);

    /** The handshake failed; the connection is being closed. */
    void failed(ChannelHandlerContext ctx, P2pException cause);
  }

  private final NoiseXX noise;
  private final Ed25519.KeyPair identity;
  private final Optional<PeerId> expectedRemote;
  private final List<String> localMuxers;
  private final Outcome outcome;
  private boolean started;
  private boolean done;

  public NoiseHandshakeHandler(
      NoiseXX.Role role,
      Ed25519.KeyPair identity,
      Optional<PeerId> expectedRemote,
      List<String> localMuxers,
      SecureRandom random,
      Outcome outcome) {
    this.noise = new NoiseXX(role, X25519KeyPair.generate(random), random);
    this.identity = identity;
    this.expectedRemote = expectedRemote;
    this.localMuxers = List.copyOf(localMuxers);
    this.outcome = outcome;
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
    if (noise.role() == NoiseXX.Role.INITIATOR) {
      try {
        send(ctx, noise.writeMessage(new byte[0])); // -> e, with an empty payload
      } catch (GeneralSecurityException e) {
        fail(ctx, P2pException.Reason.HANDSHAKE_FAILED, e.getMessage());
      }
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (done) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (!(msg instanceof ByteBuf frame)) {
      ReferenceCountUtil.release(msg);
      fail(ctx, P2pException.Reason.PROTOCOL_ERROR, "unexpected message in the Noise handshake");
      return;
    }
    byte[] message;
    try {
      message = ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
    try {
      step(ctx, message);
    } catch (GeneralSecurityException e) {
      fail(ctx, P2pException.Reason.HANDSHAKE_FAILED, e.getMessage());
    }
  }

  private void step(ChannelHandlerContext ctx, byte[] message) throws GeneralSecurityException {
    byte[] payload = noise.readMessage(message);
    if (noise.role() == NoiseXX.Role.RESPONDER && !noise.isComplete()) {
      // Got "-> e": answer "<- e, ee, s, es" with our payload and extensions.
      send(ctx, noise.writeMessage(payloadBytes()));
      return;
    }
    HandshakePayload remote = HandshakePayload.decode(payload);
    PeerId remotePeer = remote.verify(noise.remoteStaticKey());
    if (expectedRemote.isPresent() && !expectedRemote.get().equals(remotePeer)) {
      fail(
          ctx,
          P2pException.Reason.PEER_ID_MISMATCH,
          "dialed " + expectedRemote.get() + " but the remote proved " + remotePeer);
      return;
    }
    Optional<String> muxer = InlinedMuxer.choose(noise.role(), localMuxers, remote.streamMuxers());
    if (noise.role() == NoiseXX.Role.INITIATOR) {
      send(ctx, noise.writeMessage(payloadBytes())); // -> s, se
    }
    NoiseXX.Split split = noise.split();
    done = true;
    NoiseTransportHandler transport = new NoiseTransportHandler(split);
    ctx.pipeline().replace(this, "noise-transport", transport);
    outcome.secured(ctx.pipeline().context(transport), remotePeer, muxer);
  }

  private byte[] payloadBytes() {
    return HandshakePayload.sign(identity, noise.localStaticKey(), localMuxers).encode();
  }

  private static void send(ChannelHandlerContext ctx, byte[] message) {
    ByteBuf out = ctx.alloc().buffer(2 + message.length);
    out.writeShort(message.length);
    out.writeBytes(message);
    ctx.writeAndFlush(out, ctx.voidPromise());
  }

  private void fail(ChannelHandlerContext ctx, P2pException.Reason reason, String message) {
    if (done) {
      return;
    }
    done = true;
    outcome.failed(ctx, new P2pException(reason, "Noise handshake: " + message));
    Violations.disconnect(ctx, "Noise handshake: " + message);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!done) {
      done = true;
      outcome.failed(
          ctx,
          new P2pException(
              P2pException.Reason.HANDSHAKE_FAILED, "connection closed during the handshake"));
    }
    ctx.fireChannelInactive();
  }
}
