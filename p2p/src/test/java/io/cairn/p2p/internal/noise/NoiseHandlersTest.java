/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.p2p.P2pException;
import io.cairn.p2p.internal.wire.Chunks;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseHandlersTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final class Result implements NoiseHandshakeHandler.Outcome {
    final AtomicReference<PeerId> peer = new AtomicReference<>();
    final AtomicReference<Optional<String>> muxer = new AtomicReference<>();
    final AtomicReference<P2pException> failure = new AtomicReference<>();

    @Override
    public void secured(ChannelHandlerContext transport, PeerId remote, Optional<String> m) {
      peer.set(remote);
      muxer.set(m);
    }

    @Override
    public void failed(ChannelHandlerContext ctx, P2pException cause) {
      failure.set(cause);
    }
  }

  private static EmbeddedChannel side(
      NoiseXX.Role role, Ed25519.KeyPair id, Optional<PeerId> expect, List<String> mux, Result r) {
    return new EmbeddedChannel(
        new NoiseFrameDecoder(), new NoiseHandshakeHandler(role, id, expect, mux, RANDOM, r));
  }

  /** Moves everything {@code from} wrote into {@code to}; returns whether anything moved. */
  private static boolean pump(EmbeddedChannel from, EmbeddedChannel to) {
    boolean moved = false;
    for (Object o; (o = from.readOutbound()) != null; ) {
      to.writeInbound(o);
      moved = true;
    }
    return moved;
  }

  private static void handshake(EmbeddedChannel a, EmbeddedChannel b) {
    while (pump(a, b) | pump(b, a)) {
      // until quiet
    }
  }

  @Test
  void shouldHandshakeAndThenCarryEncryptedBytesBothWays() {
    Ed25519.KeyPair ia = Ed25519.generate(RANDOM);
    Ed25519.KeyPair ib = Ed25519.generate(RANDOM);
    Result ra = new Result();
    Result rb = new Result();
    EmbeddedChannel a =
        side(
            NoiseXX.Role.INITIATOR,
            ia,
            Optional.of(PeerId.of(ib.publicKey())),
            List.of("/yamux/1.0.0"),
            ra);
    EmbeddedChannel b =
        side(NoiseXX.Role.RESPONDER, ib, Optional.empty(), List.of("/yamux/1.0.0"), rb);
    handshake(a, b);
    assertEquals(PeerId.of(ib.publicKey()), ra.peer.get());
    assertEquals(PeerId.of(ia.publicKey()), rb.peer.get());
    assertEquals(Optional.of("/yamux/1.0.0"), ra.muxer.get());
    assertEquals(Optional.of("/yamux/1.0.0"), rb.muxer.get());
    assertTrue(a.pipeline().get(NoiseTransportHandler.class) != null);

    byte[] big = new byte[200_000]; // more than one Noise message
    new SplittableRandom(1).nextBytes(big);
    a.writeOutbound(Unpooled.wrappedBuffer(big));
    int frames = 0;
    for (Object o; (o = a.readOutbound()) != null; ) {
      frames++;
      b.writeInbound(o);
    }
    assertEquals(4, frames, "200000 bytes need 4 messages of at most 65519");
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    for (ByteBuf bb; (bb = b.readInbound()) != null; ) {
      got.writeBytes(ByteBufUtil.getBytes(bb));
      bb.release();
    }
    assertArrayEquals(big, got.toByteArray());
    a.finishAndReleaseAll();
    b.finishAndReleaseAll();
  }

  @Test
  void shouldFailWhenTheResponderProvesAnotherPeer() {
    Ed25519.KeyPair ia = Ed25519.generate(RANDOM);
    Ed25519.KeyPair ib = Ed25519.generate(RANDOM);
    PeerId someoneElse = PeerId.of(Ed25519.generate(RANDOM).publicKey());
    Result ra = new Result();
    EmbeddedChannel a = side(NoiseXX.Role.INITIATOR, ia, Optional.of(someoneElse), List.of(), ra);
    EmbeddedChannel b = side(NoiseXX.Role.RESPONDER, ib, Optional.empty(), List.of(), new Result());
    handshake(a, b);
    assertEquals(P2pException.Reason.PEER_ID_MISMATCH, ra.failure.get().reason());
    assertFalse(a.isOpen());
    a.finishAndReleaseAll();
    b.finishAndReleaseAll();
  }

  @Test
  void shouldFailWhenInlinedMuxerListsHaveNothingInCommon() {
    Result ra = new Result();
    EmbeddedChannel a =
        side(
            NoiseXX.Role.INITIATOR,
            Ed25519.generate(RANDOM),
            Optional.empty(),
            List.of("/yamux/1.0.0"),
            ra);
    EmbeddedChannel b =
        side(
            NoiseXX.Role.RESPONDER,
            Ed25519.generate(RANDOM),
            Optional.empty(),
            List.of("/mplex/6.7.0"),
            new Result());
    handshake(a, b);
    assertEquals(P2pException.Reason.HANDSHAKE_FAILED, ra.failure.get().reason());
    a.finishAndReleaseAll();
    b.finishAndReleaseAll();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void handshakeShouldSurviveRandomAndTruncatedInput(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    NoiseXX.Role role = seed % 2 == 0 ? NoiseXX.Role.RESPONDER : NoiseXX.Role.INITIATOR;
    Result r = new Result();
    EmbeddedChannel ch = side(role, Ed25519.generate(RANDOM), Optional.empty(), List.of(), r);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < 5; i++) {
      int len = rnd.nextInt(0, 400);
      wire.write(len >>> 8);
      wire.write(len);
      byte[] body = new byte[len];
      rnd.nextBytes(body);
      wire.writeBytes(body);
    }
    byte[] all = wire.toByteArray();
    all = java.util.Arrays.copyOf(all, rnd.nextInt(1, all.length + 1));
    Chunks chunks = new Chunks();
    chunks.feed(ch, all, rnd);
    for (Object o; (o = ch.readOutbound()) != null; ) {
      io.netty.util.ReferenceCountUtil.release(o);
    }
    assertTrue(r.peer.get() == null, "random bytes cannot complete a handshake");
    chunks.assertAllReleased(ch, "seed " + seed);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void transportShouldDropAForgedOrTruncatedMessage(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Ed25519.KeyPair ia = Ed25519.generate(RANDOM);
    Ed25519.KeyPair ib = Ed25519.generate(RANDOM);
    EmbeddedChannel a = side(NoiseXX.Role.INITIATOR, ia, Optional.empty(), List.of(), new Result());
    EmbeddedChannel b = side(NoiseXX.Role.RESPONDER, ib, Optional.empty(), List.of(), new Result());
    handshake(a, b);
    byte[] msg = new byte[rnd.nextInt(1, 5000)];
    rnd.nextBytes(msg);
    a.writeOutbound(Unpooled.wrappedBuffer(msg));
    ByteBuf frame = a.readOutbound();
    byte[] wire = ByteBufUtil.getBytes(frame);
    frame.release();
    int pos = rnd.nextInt(2, wire.length);
    wire[pos] ^= (byte) (1 << rnd.nextInt(8));
    Chunks chunks = new Chunks();
    chunks.feed(b, wire, rnd);
    assertFalse(b.isOpen(), "seed " + seed + ": a forged message closes the connection");
    assertTrue(b.readInbound() == null, "no plaintext from a forged message");
    chunks.assertAllReleased(b, "seed " + seed);
    a.finishAndReleaseAll();
  }
}
