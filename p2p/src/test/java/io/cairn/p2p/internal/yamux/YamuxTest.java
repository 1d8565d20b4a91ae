/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.yamux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.p2p.P2pException;
import io.cairn.p2p.internal.wire.Chunks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamuxTest {
  private static byte[] header(int type, int flags, int stream, long length) {
    ByteBuf b = Unpooled.buffer(12);
    YamuxHeader.encode(b, type, flags, stream, length);
    return ByteBufUtil.getBytes(b);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** The spec's header example (hashicorp const_test.go TestEncodeDecode, encoded by js-yamux). */
  @Test
  void shouldEncodeAndDecodeTheSpecHeaderVector() {
    byte[] h =
        header(
            YamuxHeader.TYPE_WINDOW_UPDATE,
            YamuxHeader.FLAG_ACK | YamuxHeader.FLAG_RST,
            1234,
            4321);
    assertEquals("0001000a000004d2000010e1", HexFormat.of().formatHex(h));
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1 << 20));
    ch.writeInbound(Unpooled.wrappedBuffer(h));
    assertEquals(
        new YamuxHeader(YamuxHeader.TYPE_WINDOW_UPDATE, 0x000a, 1234, 4321), ch.readInbound());
    ch.finishAndReleaseAll();
  }

  @Test
  void shouldRejectABadVersionTypeOrOversizedData() {
    for (byte[] bad :
        List.of(
            concat(new byte[] {1}, java.util.Arrays.copyOfRange(header(0, 0, 1, 0), 1, 12)),
            concat(new byte[] {0, 4}, java.util.Arrays.copyOfRange(header(0, 0, 1, 0), 2, 12)),
            header(YamuxHeader.TYPE_DATA, 0, 1, (1 << 20) + 1))) {
      EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1 << 20));
      ch.writeInbound(Unpooled.wrappedBuffer(bad));
      assertFalse(ch.isOpen(), HexFormat.of().formatHex(bad));
      ch.finishAndReleaseAll();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shouldStreamDataBodiesSplitAnywhere(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int frames = 0;
    for (int i = 0; i < 40; i++) {
      byte[] data = new byte[rnd.nextInt(0, 3000)];
      rnd.nextBytes(data);
      wire.writeBytes(header(YamuxHeader.TYPE_DATA, 0, 3, data.length));
      wire.writeBytes(data);
      body.writeBytes(data);
      frames++;
      wire.writeBytes(header(YamuxHeader.TYPE_PING, YamuxHeader.FLAG_SYN, 0, i));
      frames++;
    }
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1 << 20));
    Chunks chunks = new Chunks();
    chunks.feed(ch, wire.toByteArray(), rnd);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int headers = 0;
    for (Object o; (o = ch.readInbound()) != null; ) {
      if (o instanceof YamuxHeader) {
        headers++;
      } else {
        ByteBuf b = (ByteBuf) o;
        got.writeBytes(ByteBufUtil.getBytes(b));
        b.release();
      }
    }
    assertEquals(frames, headers, "seed " + seed);
    assertArrayEquals(body.toByteArray(), got.toByteArray(), "seed " + seed);
    chunks.assertAllReleased(ch, "seed " + seed);
  }

  /** A session on an EmbeddedChannel that records inbound streams. */
  private static final class Harness {
    final List<YamuxStream> inbound = new ArrayList<>();
    final YamuxSession session;
    final EmbeddedChannel ch;

    Harness(boolean client) {
      this(client, YamuxConfig.defaults());
    }

    Harness(boolean client, YamuxConfig config) {
      session = new YamuxSession(client, config, s -> inbound.add(s));
      ch = new EmbeddedChannel(new YamuxFrameDecoder(16 << 20), session);
      drainOutbound(); // the initial RTT ping
    }

    List<YamuxHeader> drainOutbound() {
      List<YamuxHeader> out = new ArrayList<>();
      EmbeddedChannel decode = new EmbeddedChannel(new YamuxFrameDecoder(16 << 20));
      for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
        decode.writeInbound(b);
      }
      for (Object o; (o = decode.readInbound()) != null; ) {
        if (o instanceof YamuxHeader h) {
          out.add(h);
        } else {
          ((ByteBuf) o).release();
        }
      }
      decode.finishAndReleaseAll();
      return out;
    }
  }

  @Test
  void shouldAcceptAStreamAckItAndDeliverDataThenFin() throws IOException {
    Harness h = new Harness(false);
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(
            concat(
                header(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, 1, 0),
                header(YamuxHeader.TYPE_DATA, 0, 1, 5),
                "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                header(YamuxHeader.TYPE_DATA, YamuxHeader.FLAG_FIN, 1, 0))));
    assertEquals(1, h.inbound.size());
    List<YamuxHeader> sent = h.drainOutbound();
    assertEquals(
        new YamuxHeader(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_ACK, 1, 0),
        sent.getFirst());
    YamuxStream s = h.inbound.getFirst();
    assertEquals(
        "hello", new String(s.in().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
    s.out().write(new byte[] {1, 2, 3});
    s.closeWrite();
    sent = h.drainOutbound();
    assertEquals(new YamuxHeader(YamuxHeader.TYPE_DATA, 0, 1, 3), sent.get(0));
    assertEquals(
        new YamuxHeader(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_FIN, 1, 0), sent.get(1));
    assertEquals(0, h.session.streamCount(), "closed both ways");
    h.ch.finishAndReleaseAll();
  }

  /** Feeds {@code n} bytes of Data to inbound stream 1 and reads them; returns the grants sent. */
  private static List<Long> consume(Harness h, int n) throws IOException {
    byte[] data = new byte[n];
    h.ch.writeInbound(Unpooled.wrappedBuffer(concat(header(YamuxHeader.TYPE_DATA, 0, 1, n), data)));
    h.inbound.getFirst().in().readNBytes(n);
    List<Long> grants = new ArrayList<>();
    for (YamuxHeader f : h.drainOutbound()) {
      if (f.type() == YamuxHeader.TYPE_WINDOW_UPDATE && f.streamId() == 1 && f.length() > 0) {
        grants.add(f.length());
      }
    }
    return grants;
  }

  @Test
  void shouldGrantConsumedBytesBackAndGrowTheWindowWhenTheReaderKeepsUp() throws IOException {
    Harness fast = new Harness(false);
    fast.session.overrideRtt(java.time.Duration.ofMinutes(1)); // every grant counts as "quick"
    fast.ch.writeInbound(
        Unpooled.wrappedBuffer(header(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, 1, 0)));
    fast.drainOutbound();
    int half = YamuxConfig.SPEC_INITIAL_WINDOW / 2;
    // Half the window consumed: grant it back plus as much again (the window doubles).
    assertEquals(List.of((long) half + YamuxConfig.SPEC_INITIAL_WINDOW), consume(fast, half));
    // Now a 512 KiB window; the next grant comes after 256 KiB and doubles it again.
    assertEquals(List.of(), consume(fast, half));
    assertEquals(List.of(2L * half + 2 * YamuxConfig.SPEC_INITIAL_WINDOW), consume(fast, half));
    fast.ch.finishAndReleaseAll();

    Harness slow = new Harness(false);
    slow.session.overrideRtt(java.time.Duration.ofNanos(1)); // never "quick": no growth
    slow.ch.writeInbound(
        Unpooled.wrappedBuffer(header(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, 1, 0)));
    slow.drainOutbound();
    assertEquals(List.of((long) half), consume(slow, half));
    assertEquals(List.of((long) half), consume(slow, half));
    slow.ch.finishAndReleaseAll();
  }

  @Test
  void shouldAnswerPingsWithAckAndTheSameValue() {
    Harness h = new Harness(false);
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(
            header(YamuxHeader.TYPE_PING, YamuxHeader.FLAG_SYN, 0, 0xdeadbeefL)));
    assertEquals(
        List.of(new YamuxHeader(YamuxHeader.TYPE_PING, YamuxHeader.FLAG_ACK, 0, 0xdeadbeefL)),
        h.drainOutbound());
    h.ch.finishAndReleaseAll();
  }

  /** Records the headers a peer receives, over a real (in-JVM) channel with its own threads. */
  private static final class Recorder extends io.netty.channel.ChannelInboundHandlerAdapter {
    final java.util.concurrent.LinkedBlockingQueue<YamuxHeader> headers =
        new java.util.concurrent.LinkedBlockingQueue<>();

    @Override
    public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof YamuxHeader h) {
        headers.add(h);
      } else {
        io.netty.util.ReferenceCountUtil.release(msg);
      }
    }
  }

  @Test
  void shouldNeverWritePastTheRemoteWindow() throws Exception {
    var group =
        new io.netty.channel.MultiThreadIoEventLoopGroup(
            2, io.netty.channel.local.LocalIoHandler.newFactory());
    try {
      var address = new io.netty.channel.local.LocalAddress("yamux-window-" + System.nanoTime());
      Recorder recorder = new Recorder();
      java.util.concurrent.CompletableFuture<io.netty.channel.Channel> serverSide =
          new java.util.concurrent.CompletableFuture<>();
      new io.netty.bootstrap.ServerBootstrap()
          .group(group)
          .channel(io.netty.channel.local.LocalServerChannel.class)
          .childHandler(
              new io.netty.channel.ChannelInitializer<io.netty.channel.Channel>() {
                @Override
                protected void initChannel(io.netty.channel.Channel ch) {
                  ch.pipeline().addLast(new YamuxFrameDecoder(16 << 20), recorder);
                  serverSide.complete(ch);
                }
              })
          .bind(address)
          .sync();
      YamuxSession session = new YamuxSession(true, YamuxConfig.defaults(), s -> {});
      new io.netty.bootstrap.Bootstrap()
          .group(group)
          .channel(io.netty.channel.local.LocalChannel.class)
          .handler(
              new io.netty.channel.ChannelInitializer<io.netty.channel.Channel>() {
                @Override
                protected void initChannel(io.netty.channel.Channel ch) {
                  ch.pipeline().addLast(new YamuxFrameDecoder(16 << 20), session);
                }
              })
          .connect(address)
          .sync();
      io.netty.channel.Channel server = serverSide.get(10, java.util.concurrent.TimeUnit.SECONDS);
      YamuxStream s = session.openStream();
      byte[] data = new byte[300 * 1024];
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      s.out().write(data);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
      long received = 0;
      while (received < YamuxConfig.SPEC_INITIAL_WINDOW) {
        YamuxHeader h = recorder.headers.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(h != null, "data stopped before the window was used up");
        if (h.type() == YamuxHeader.TYPE_DATA) {
          received += h.length();
        }
      }
      assertEquals(YamuxConfig.SPEC_INITIAL_WINDOW, received, "exactly the initial window");
      // Nothing more may come until the window grows.
      YamuxHeader extra = recorder.headers.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      assertTrue(extra == null || extra.type() != YamuxHeader.TYPE_DATA, "wrote past the window");
      assertTrue(writer.isAlive(), "the writer waits for a window update");
      ByteBuf update = Unpooled.buffer(12);
      YamuxHeader.encode(
          update, YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_ACK, 1, 64 * 1024);
      server.writeAndFlush(update).sync();
      while (received < data.length) {
        YamuxHeader h = recorder.headers.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(h != null, "data stopped after the window update");
        if (h.type() == YamuxHeader.TYPE_DATA) {
          received += h.length();
        }
      }
      writer.join();
      assertEquals(data.length, received);
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }
  }

  @Test
  void shouldGrantTheOpenWindowInTheAckAndHonourItForTheWholeGrant() {
    YamuxConfig config =
        new YamuxConfig(YamuxConfig.SPEC_INITIAL_WINDOW, 16 << 20, 8, 65507, 2 << 20);
    Harness h = new Harness(false, config);
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(header(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, 1, 0)));
    assertEquals(
        List.of(
            new YamuxHeader(
                YamuxHeader.TYPE_WINDOW_UPDATE,
                YamuxHeader.FLAG_ACK,
                1,
                (2 << 20) - YamuxConfig.SPEC_INITIAL_WINDOW)),
        h.drainOutbound());
    // The whole 2 MiB may now arrive before the reader consumes anything; one byte more may not.
    byte[] chunk = new byte[1 << 20];
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(concat(header(YamuxHeader.TYPE_DATA, 0, 1, chunk.length), chunk)));
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(concat(header(YamuxHeader.TYPE_DATA, 0, 1, chunk.length), chunk)));
    assertTrue(h.ch.isOpen());
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(concat(header(YamuxHeader.TYPE_DATA, 0, 1, 1), new byte[1])));
    assertFalse(h.ch.isOpen());
    h.ch.finishAndReleaseAll();
  }

  @Test
  void shouldSendTheOpenWindowWithTheSyn() throws Exception {
    YamuxConfig config =
        new YamuxConfig(YamuxConfig.SPEC_INITIAL_WINDOW, 16 << 20, 8, 65507, 1 << 20);
    Harness h = new Harness(true, config);
    h.session.openStream();
    assertEquals(
        List.of(
            new YamuxHeader(
                YamuxHeader.TYPE_WINDOW_UPDATE,
                YamuxHeader.FLAG_SYN,
                1,
                (1 << 20) - YamuxConfig.SPEC_INITIAL_WINDOW)),
        h.drainOutbound());
    h.ch.finishAndReleaseAll();
  }

  @Test
  void shouldRefuseAnOpenWindowOutsideItsBounds() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new YamuxConfig(YamuxConfig.SPEC_INITIAL_WINDOW, 1 << 20, 8, 65507, 2 << 20));
  }

  @Test
  void shouldDisconnectAPeerThatOverrunsTheReceiveWindow() {
    Harness h = new Harness(false);
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(header(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, 1, 0)));
    byte[] big = new byte[YamuxConfig.SPEC_INITIAL_WINDOW + 1];
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(concat(header(YamuxHeader.TYPE_DATA, 0, 1, big.length), big)));
    assertFalse(h.ch.isOpen());
    P2pException e = assertThrows(P2pException.class, () -> h.inbound.getFirst().in().read());
    assertEquals(P2pException.Reason.CONNECTION_CLOSED, e.reason());
    h.ch.finishAndReleaseAll();
  }

  @Test
  void shouldSurfaceAResetToTheReader() {
    Harness h = new Harness(false);
    h.ch.writeInbound(
        Unpooled.wrappedBuffer(
            concat(
                header(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, 1, 0),
                header(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_RST, 1, 0))));
    P2pException e = assertThrows(P2pException.class, () -> h.inbound.getFirst().in().read());
    assertEquals(P2pException.Reason.STREAM_RESET, e.reason());
    assertTrue(h.ch.isOpen(), "a reset stream leaves the session up");
    h.ch.finishAndReleaseAll();
  }

  @Test
  void shouldRefuseStreamsOverTheLimitWithRst() {
    YamuxSession session =
        new YamuxSession(false, new YamuxConfig(256 * 1024, 1 << 20, 2, 65507), s -> {});
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1 << 20), session);
    for (int id = 1; id <= 5; id += 2) {
      ch.writeInbound(
          Unpooled.wrappedBuffer(
              header(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, id, 0)));
    }
    assertEquals(2, session.streamCount());
    List<Integer> flags = new ArrayList<>();
    EmbeddedChannel decode = new EmbeddedChannel(new YamuxFrameDecoder(1 << 20));
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      decode.writeInbound(b);
    }
    for (Object o; (o = decode.readInbound()) != null; ) {
      YamuxHeader hd = (YamuxHeader) o;
      if (hd.streamId() == 5) {
        flags.add(hd.flags());
      }
    }
    assertEquals(List.of(YamuxHeader.FLAG_RST), flags);
    ch.finishAndReleaseAll();
    decode.finishAndReleaseAll();
  }

  @Test
  void shouldGoAwayAndStopOpeningStreams() throws Exception {
    Harness h = new Harness(true);
    h.ch.writeInbound(Unpooled.wrappedBuffer(header(YamuxHeader.TYPE_GO_AWAY, 0, 0, 0)));
    assertFalse(h.session.isUsable());
    assertThrows(P2pException.class, h.session::openStream);
    h.ch.finishAndReleaseAll();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void sessionShouldSurviveRandomFramesAndGarbage(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    // Plausible frames with random fields, then raw garbage.
    for (int i = 0; i < 200; i++) {
      int type = rnd.nextInt(4);
      int flags = rnd.nextInt(16);
      int stream = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1, 12);
      long length = type == 0 ? rnd.nextInt(0, 2000) : rnd.nextLong(0, 1L << 32);
      wire.writeBytes(header(type, flags, stream, length));
      if (type == 0) {
        byte[] d = new byte[(int) length];
        rnd.nextBytes(d);
        wire.writeBytes(d);
      }
    }
    byte[] garbage = new byte[rnd.nextInt(0, 2000)];
    rnd.nextBytes(garbage);
    wire.writeBytes(garbage);
    byte[] all = wire.toByteArray();
    all = java.util.Arrays.copyOf(all, rnd.nextInt(1, all.length + 1)); // truncated anywhere
    List<YamuxStream> inbound = new ArrayList<>();
    YamuxSession session = new YamuxSession(false, YamuxConfig.defaults(), inbound::add);
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(16 << 20), session);
    Chunks chunks = new Chunks();
    chunks.feed(ch, all, rnd);
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      b.release();
    }
    chunks.assertAllReleased(ch, "seed " + seed);
    for (YamuxStream s : inbound) {
      // Every stream ends in a defined state: data, end, or an IOException.
      try {
        s.in().readAllBytes();
      } catch (IOException expected) {
        // reset or connection closed
      }
    }
  }
}
