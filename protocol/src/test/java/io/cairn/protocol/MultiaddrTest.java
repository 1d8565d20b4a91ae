/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.crypto.Ed25519;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiaddrTest {
  private static final String PEER = "12D3KooWA4Xop1JaT3MHxwYMkCepYsv4iPVopMXwCz5iHYdBfeSB";

  @Test
  void shouldMatchSpecBinaryVectors() {
    // multiformats/multiaddr test/multiaddr.feature
    assertEquals(
        "04c000022a0601bb",
        Bytes.wrap(Multiaddr.parse("/ip4/192.0.2.42/tcp/443").toBytes()).toHex());
    assertEquals(
        "/ip4/192.0.2.42/tcp/443",
        Multiaddr.fromBytes(Bytes.fromHex("04c000022a0601bb").toArray()).toString());
    // shared libp2p notes §7.2 (derived by js-libp2p)
    String hex =
        "047f000001060fa1a50326"
            + "00240801122003a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";
    Multiaddr ma = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + PEER);
    assertEquals(hex, Bytes.wrap(ma.toBytes()).toHex());
    assertEquals(ma, Multiaddr.fromBytes(Bytes.fromHex(hex).toArray()));
    assertEquals(PEER, ma.peerId().orElseThrow().toString());
    assertEquals("127.0.0.1", ma.host());
    assertEquals(4001, ma.port());
  }

  @ParameterizedTest
  @CsvSource({
    "/ip6/::1/tcp/4001, 2900000000000000000000000000000001060fa1",
    "/ip6/2001:db8::1/udp/53, 2920010db800000000000000000000000191020035",
    "/dns/example.com/tcp/80, 350b6578616d706c652e636f6d060050",
    "/dns4/a.b/tcp/1, 3603612e62060001",
    "/dns6/a.b/udp/65535, 3703612e629102ffff"
  })
  void shouldEncodeOtherProtocols(String text, String hex) {
    Multiaddr ma = Multiaddr.parse(text);
    assertEquals(hex, Bytes.wrap(ma.toBytes()).toHex());
    assertEquals(text, Multiaddr.fromBytes(ma.toBytes()).toString());
  }

  @ParameterizedTest
  @CsvSource({
    "/ip6/0:0:0:0:0:0:0:1/tcp/1, /ip6/::1/tcp/1",
    "/ip6/2001:DB8:0:0:1:0:0:1/tcp/1, /ip6/2001:db8::1:0:0:1/tcp/1",
    "/ip6/2001:db8:0:1:1:1:1:1/tcp/1, /ip6/2001:db8:0:1:1:1:1:1/tcp/1",
    "/ip6/::/tcp/1, /ip6/::/tcp/1",
    "/ip6/::ffff:1.2.3.4/tcp/1, /ip6/::ffff:102:304/tcp/1",
    "/ip6/1::/tcp/1, /ip6/1::/tcp/1",
    "/ip4/1.2.3.4/tcp/5/, /ip4/1.2.3.4/tcp/5"
  })
  void shouldPrintCanonicalText(String in, String out) {
    assertEquals(out, Multiaddr.parse(in).toString());
  }

  @Test
  void shouldTreatIpfsAsP2p() {
    Multiaddr ma = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/ipfs/" + PEER);
    assertEquals("/ip4/127.0.0.1/tcp/4001/p2p/" + PEER, ma.toString());
    PeerId id = PeerId.parse(PEER);
    assertEquals(ma, Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + id.toCidString()));
  }

  @Test
  void shouldAddAndRemovePeerIds() {
    PeerId id = PeerId.parse(PEER);
    Multiaddr bare = Multiaddr.tcp("127.0.0.1", 4001);
    Multiaddr full = bare.withPeerId(id);
    assertEquals("/ip4/127.0.0.1/tcp/4001/p2p/" + PEER, full.toString());
    assertSame(full, full.withPeerId(id));
    assertEquals(bare, full.withoutPeerId());
    PeerId other = PeerId.of(Ed25519.PublicKey.of(new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> full.withPeerId(other));
    assertTrue(bare.peerId().isEmpty());
    assertEquals("/ip6/::1/tcp/9", Multiaddr.tcp("::1", 9).toString());
    assertEquals("/dns/node.example/tcp/9", Multiaddr.tcp("node.example", 9).toString());
    assertTrue(bare.hasHostAndPort());
    assertThrows(IllegalStateException.class, () -> Multiaddr.parse("/p2p/" + PEER).host());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/",
        "ip4/1.2.3.4",
        "/ip4",
        "/ip4/",
        "/ip4/1.2.3",
        "/ip4/1.2.3.4.5",
        "/ip4/256.1.1.1",
        "/ip4/01.2.3.4",
        "/ip4/1.2.3.-4",
        "/ip4/1.2.3.4/tcp",
        "/ip4/1.2.3.4/tcp/65536",
        "/ip4/1.2.3.4/tcp/080",
        "/ip4/1.2.3.4/tcp/-1",
        "/ip4/1.2.3.4/tcp/x",
        "/ip4/1.2.3.4//tcp/1",
        "/ip4/1.2.3.4/quic/1",
        "/ip6/1:2:3:4:5:6:7",
        "/ip6/1:2:3:4:5:6:7:8:9",
        "/ip6/1::2::3",
        "/ip6/12345::",
        "/ip6/g::",
        "/ip6/1:2:3:4:5:6:7::8",
        "/ip6/1.2.3.4::",
        "/dns/a b",
        "/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N",
        "/p2p/12D3KooWA4Xop1JaT3MHxwYMkCepYsv4iPVopMXwCz5iHYdBfeS"
      })
  void shouldRejectMalformedText(String text) {
    var e = assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse(text));
    assertTrue(!e.getMessage().isBlank());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "04c00002", // truncated ip4
        "04c000022a06", // truncated tcp port
        "04c000022a0601", // truncated tcp port
        "a5", // truncated code varint
        "a50326", // p2p length with no bytes
        "a50301ff", // p2p value that is not a peer id
        "3500", // empty dns name
        "35ff01", // dns length longer than what follows
        "3502c328", // dns name not UTF-8
        "02", // unknown protocol code
        "8000" // non-minimal code varint
      })
  void shouldRejectMalformedBinary(String hex) {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Multiaddr.fromBytes(Bytes.fromHex(hex).toArray()));
    assertTrue(!e.getMessage().isBlank());
  }

  @Test
  void shouldRejectTooManyComponents() {
    String text = "/tcp/1".repeat(Multiaddr.MAX_COMPONENTS + 1);
    assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse(text));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void shouldRoundTripRandomAddresses(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      List<Multiaddr.Component> comps = new ArrayList<>();
      for (int n = rnd.nextInt(1, 5); n > 0; n--) {
        comps.add(randomComponent(rnd));
      }
      Multiaddr ma = Multiaddr.of(comps);
      String msg = "seed " + seed + " addr " + ma;
      assertEquals(ma, Multiaddr.parse(ma.toString()), msg);
      assertEquals(ma, Multiaddr.fromBytes(ma.toBytes()), msg);
      assertEquals(ma.toString(), Multiaddr.parse(ma.toString()).toString(), msg);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8})
  void shouldOnlyThrowIllegalArgumentOnCorruptBinary(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] good = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + PEER).toBytes();
    for (int i = 0; i < 3000; i++) {
      byte[] bad = java.util.Arrays.copyOf(good, rnd.nextInt(0, good.length + 2));
      if (bad.length > 0) {
        bad[rnd.nextInt(bad.length)] ^= (byte) rnd.nextInt(1, 256);
      }
      try {
        Multiaddr ma = Multiaddr.fromBytes(bad);
        assertEquals(ma, Multiaddr.fromBytes(ma.toBytes()), "seed " + seed);
      } catch (IllegalArgumentException expected) {
        // the only failure allowed
      }
    }
  }

  private static Multiaddr.Component randomComponent(SplittableRandom rnd) {
    Multiaddr.Protocol p = Multiaddr.Protocol.values()[rnd.nextInt(8)];
    byte[] v =
        switch (p) {
          case IP4 -> new byte[4];
          case IP6 -> new byte[16];
          case TCP, UDP -> new byte[2];
          case DNS, DNS4, DNS6 -> null;
          case P2P -> null;
        };
    if (v != null) {
      rnd.nextBytes(v);
      if (p == Multiaddr.Protocol.IP6) {
        for (int k = 0; k < 16; k++) {
          if (rnd.nextInt(3) == 0) {
            v[k] = 0;
          }
        }
      }
    } else if (p == Multiaddr.Protocol.P2P) {
      byte[] key = new byte[32];
      rnd.nextBytes(key);
      v = PeerId.of(Ed25519.PublicKey.of(key)).toBytes();
    } else {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(1, 20); k > 0; k--) {
        sb.append("abcxyz0129.-é".charAt(rnd.nextInt(13)));
      }
      v = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return new Multiaddr.Component(p, Bytes.wrap(v));
  }
}
