/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.cairn.p2p.P2pException;
import io.cairn.p2p.internal.yamux.YamuxConfig;
import io.cairn.p2p.internal.yamux.YamuxFrameDecoder;
import io.cairn.p2p.internal.yamux.YamuxHeader;
import io.cairn.p2p.internal.yamux.YamuxSession;
import io.cairn.p2p.internal.yamux.YamuxStream;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Length-prefixed protobuf messages read from a stream fed with exact, hostile or cut bytes. */
class DefaultP2pStreamTest {
  private static final PeerId PEER = PeerId.of(Ed25519.generate(new SecureRandom()).publicKey());

  /** Delivers {@code body} on an inbound stream followed by FIN, and returns that stream. */
  private static DefaultP2pStream streamCarrying(byte[] body, EmbeddedChannel[] holder) {
    List<YamuxStream> inbound = new ArrayList<>();
    YamuxSession session = new YamuxSession(false, YamuxConfig.defaults(), inbound::add);
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(16 << 20), session);
    holder[0] = ch;
    ByteBuf in = Unpooled.buffer();
    YamuxHeader.encode(in, YamuxHeader.TYPE_DATA, YamuxHeader.FLAG_SYN, 1, body.length);
    in.writeBytes(body);
    YamuxHeader.encode(in, YamuxHeader.TYPE_DATA, YamuxHeader.FLAG_FIN, 1, 0);
    ch.writeInbound(in);
    return new DefaultP2pStream(inbound.getFirst(), PEER, "/cairn/test/1.0.0", 1 << 20);
  }

  private static byte[] framed(byte[]... messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] m : messages) {
      byte[] msg = BytesValue.of(ByteString.copyFrom(m)).toByteArray();
      byte[] len = new byte[10];
      int n = io.cairn.p2p.internal.wire.Varints.write(len, 0, msg.length);
      out.write(len, 0, n);
      out.writeBytes(msg);
    }
    return out.toByteArray();
  }

  @Test
  void shouldReadMessagesThenACleanEnd() throws IOException {
    EmbeddedChannel[] ch = new EmbeddedChannel[1];
    DefaultP2pStream s = streamCarrying(framed(new byte[] {1}, new byte[1000]), ch);
    assertEquals(1, s.readMessage(BytesValue.parser(), 100).getValue().size());
    assertEquals(1000, s.readMessage(BytesValue.parser(), 2000).getValue().size());
    assertTrue(s.readMessageIfAny(BytesValue.parser(), 100).isEmpty());
    assertThrows(EOFException.class, () -> s.readMessage(BytesValue.parser(), 100));
    ch[0].finishAndReleaseAll();
  }

  @Test
  void shouldRefuseAMessageOverTheLimitBeforeReadingIt() {
    EmbeddedChannel[] ch = new EmbeddedChannel[1];
    DefaultP2pStream s = streamCarrying(framed(new byte[5000]), ch);
    P2pException e =
        assertThrows(P2pException.class, () -> s.readMessage(BytesValue.parser(), 4096));
    assertEquals(P2pException.Reason.MESSAGE_TOO_LARGE, e.reason());
    assertTrue(e.getMessage().contains("4096"), e.getMessage());
    ch[0].finishAndReleaseAll();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void shouldTakeRandomAndTruncatedBytesWithOnlyIoExceptions(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] body;
    if (seed % 2 == 0) {
      byte[] good = framed(new byte[rnd.nextInt(2000)], new byte[rnd.nextInt(2000)]);
      body = java.util.Arrays.copyOf(good, rnd.nextInt(good.length + 1));
      if (body.length > 0) {
        body[rnd.nextInt(body.length)] = (byte) rnd.nextInt(256);
      }
    } else {
      body = new byte[rnd.nextInt(4000)];
      rnd.nextBytes(body);
    }
    EmbeddedChannel[] ch = new EmbeddedChannel[1];
    DefaultP2pStream s = streamCarrying(body, ch);
    try {
      for (int i = 0; i < 100; i++) {
        if (s.readMessageIfAny(BytesValue.parser(), 1 << 16).isEmpty()) {
          break;
        }
      }
    } catch (IOException expected) {
      // malformed, truncated or too large: all IOExceptions
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed, e);
    }
    ch[0].finishAndReleaseAll();
  }
}
