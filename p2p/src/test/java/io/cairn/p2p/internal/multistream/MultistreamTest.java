/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.multistream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.p2p.internal.wire.Chunks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultistreamTest {
  /** Byte examples of the multistream-select README and the libp2p connections spec. */
  @ParameterizedTest
  @CsvSource({
    "/multistream/1.0.0, 132f6d756c746973747265616d2f312e302e300a",
    "/noise, 072f6e6f6973650a",
    "/yamux/1.0.0, 0d2f79616d75782f312e302e300a",
    "na, 036e610a",
    "ls, 036c730a"
  })
  void shouldEncodeAndDecodeTheSpecExamples(String line, String hex) throws Exception {
    assertEquals(hex, HexFormat.of().formatHex(Multistream.encode(line)));
    assertEquals(line, Multistream.decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex))));
    assertEquals(line, Multistream.read(new ByteArrayInputStream(HexFormat.of().parseHex(hex))));
  }

  @Test
  void shouldRejectMalformedMessages() {
    for (String hex :
        new String[] {
          "00", // empty
          "036e6161", // no newline
          "036e0a0a", // newline inside
          "03ff0a0a".substring(0, 2) + "c3280a", // invalid UTF-8
          "8000", // non-minimal varint
          "8208" + "00".repeat(10), // 1026 > limit
        }) {
      ByteBuf b = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
      assertThrows(
          io.cairn.p2p.internal.wire.ProtocolViolation.class, () -> Multistream.decode(b), hex);
    }
  }

  @Test
  void shouldWaitForTheWholeMessage() throws Exception {
    byte[] all = Multistream.encode("/noise");
    for (int cut = 0; cut < all.length; cut++) {
      ByteBuf b = Unpooled.wrappedBuffer(all, 0, cut);
      assertNull(Multistream.decode(b), "cut " + cut);
      assertEquals(0, b.readerIndex());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shouldDecodeMessagesSplitAnywhere(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 50; i++) {
      String line = "/cairn/" + "x".repeat(rnd.nextInt(300)) + "/" + i;
      lines.add(line);
      all.writeBytes(Multistream.encode(line));
    }
    EmbeddedChannel ch = new EmbeddedChannel(new MultistreamDecoder());
    Chunks chunks = new Chunks();
    chunks.feed(ch, all.toByteArray(), rnd);
    List<String> got = new ArrayList<>();
    for (Object o; (o = ch.readInbound()) != null; ) {
      got.add((String) o);
    }
    assertEquals(lines, got, "seed " + seed);
    assertTrue(ch.isOpen());
    chunks.assertAllReleased(ch, "seed " + seed);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void shouldSurviveRandomAndTruncatedInput(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] garbage = new byte[rnd.nextInt(1, 5000)];
    rnd.nextBytes(garbage);
    if (seed % 2 == 0) {
      // A valid prefix, then a message cut short, then garbage.
      byte[] good = Multistream.encode(Multistream.PROTOCOL_ID, "/noise");
      byte[] mixed = new byte[good.length + garbage.length];
      System.arraycopy(good, 0, mixed, 0, good.length);
      System.arraycopy(garbage, 0, mixed, good.length, garbage.length);
      garbage = java.util.Arrays.copyOf(mixed, rnd.nextInt(1, mixed.length + 1));
    }
    EmbeddedChannel ch = new EmbeddedChannel(new MultistreamDecoder());
    Chunks chunks = new Chunks();
    chunks.feed(ch, garbage, rnd);
    for (Object o; (o = ch.readInbound()) != null; ) {
      assertTrue(o instanceof String);
    }
    chunks.assertAllReleased(ch, "seed " + seed);
  }

  private static final class Recorder implements MultistreamNegotiator.Outcome {
    final AtomicReference<String> selected = new AtomicReference<>();
    final AtomicReference<String> failed = new AtomicReference<>();

    @Override
    public void selected(ChannelHandlerContext ctx, String protocol) {
      selected.set(protocol);
      ctx.pipeline().addAfter(ctx.name(), "next", new ChannelInboundHandlerAdapter());
    }

    @Override
    public void failed(ChannelHandlerContext ctx, String reason) {
      failed.set(reason);
    }
  }

  @Test
  void initiatorShouldProposeInOneWriteAndPassLeftoverBytesOn() throws IOException {
    Recorder r = new Recorder();
    EmbeddedChannel ch =
        new EmbeddedChannel(new MultistreamDecoder(), MultistreamNegotiator.initiator("/noise", r));
    ByteBuf sent = ch.readOutbound();
    assertEquals(
        "132f6d756c746973747265616d2f312e302e300a072f6e6f6973650a", ByteBufUtil.hexDump(sent));
    sent.release();
    byte[] answer = Multistream.encode(Multistream.PROTOCOL_ID, "/noise");
    byte[] withLeftover = java.util.Arrays.copyOf(answer, answer.length + 3);
    withLeftover[answer.length] = 1;
    ch.writeInbound(Unpooled.wrappedBuffer(withLeftover));
    assertEquals("/noise", r.selected.get());
    assertNull(ch.pipeline().get(MultistreamDecoder.class));
    ByteBuf leftover = ch.readInbound();
    assertEquals("010000", ByteBufUtil.hexDump(leftover));
    leftover.release();
    assertFalse(ch.finishAndReleaseAll());
  }

  @Test
  void responderShouldAnswerNaThenAcceptASupportedProtocol() {
    Recorder r = new Recorder();
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamDecoder(), MultistreamNegotiator.responder(Set.of("/noise"), r));
    ch.writeInbound(
        Unpooled.wrappedBuffer(Multistream.encode(Multistream.PROTOCOL_ID, "/tls/1.0.0")));
    ch.writeInbound(Unpooled.wrappedBuffer(Multistream.encode("/noise")));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      out.writeBytes(ByteBufUtil.getBytes(b));
      b.release();
    }
    assertEquals(
        HexFormat.of().formatHex(Multistream.encode(Multistream.PROTOCOL_ID, "na", "/noise")),
        HexFormat.of().formatHex(out.toByteArray()));
    assertEquals("/noise", r.selected.get());
    ch.finishAndReleaseAll();
  }

  @Test
  void shouldFailOnAWrongHeaderOrTooManyProposals() {
    Recorder r = new Recorder();
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new MultistreamDecoder(), MultistreamNegotiator.responder(Set.of("/noise"), r));
    ch.writeInbound(Unpooled.wrappedBuffer(Multistream.encode("/multistream/2.0.0")));
    assertFalse(ch.isOpen());
    assertTrue(r.failed.get().contains("expected /multistream/1.0.0"), r.failed.get());
    ch.finishAndReleaseAll();

    Recorder r2 = new Recorder();
    EmbeddedChannel ch2 =
        new EmbeddedChannel(
            new MultistreamDecoder(), MultistreamNegotiator.responder(Set.of("/noise"), r2));
    ch2.writeInbound(Unpooled.wrappedBuffer(Multistream.encode(Multistream.PROTOCOL_ID)));
    for (int i = 0; i <= MultistreamNegotiator.MAX_PROPOSALS && ch2.isOpen(); i++) {
      ch2.writeInbound(Unpooled.wrappedBuffer(Multistream.encode("/x/" + i)));
    }
    assertFalse(ch2.isOpen());
    ch2.finishAndReleaseAll();
  }
}
