/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakePayloadTest {
  private static final HexFormat HEX = HexFormat.of();

  private static Ed25519.KeyPair seed00to1f() {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    return Ed25519.fromSeed(seed);
  }

  /**
   * Noise payload signature vector of the Cairn libp2p notes §7.2 (derived by js-libp2p, checked
   * with Python): identity seed 00..1f, Noise static key 0x20 x 32.
   */
  @Test
  void shouldSignTheStaticKeyLikeJsLibp2p() throws GeneralSecurityException {
    Ed25519.KeyPair id = seed00to1f();
    assertEquals(
        "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8",
        id.publicKey().raw().toHex());
    byte[] staticKey = new byte[32];
    java.util.Arrays.fill(staticKey, (byte) 0x20);
    HandshakePayload p = HandshakePayload.sign(id, staticKey, List.of("/yamux/1.0.0"));
    assertEquals(
        "f08b5e99f40c3956d0cd7f69d282b46ffb92cb04730b0a2dfdc0cf7c5ad39fb9"
            + "b9291cdf005ced034756b7fcf46ca1a7a301d4f071ec226e673871f9630a8003",
        p.identitySig().toHex());
    assertEquals(
        PeerId.parse("12D3KooWA4Xop1JaT3MHxwYMkCepYsv4iPVopMXwCz5iHYdBfeSB"), p.verify(staticKey));
  }

  /** The 120-byte layout js sends: key, signature, extensions with "/yamux/1.0.0". */
  @Test
  void shouldEncodeTheLayoutJsSends() throws GeneralSecurityException {
    Ed25519.KeyPair id = seed00to1f();
    byte[] staticKey = new byte[32];
    byte[] encoded = HandshakePayload.sign(id, staticKey, List.of("/yamux/1.0.0")).encode();
    assertEquals(120, encoded.length);
    String hex = HEX.formatHex(encoded);
    assertTrue(hex.startsWith("0a24080112" + "20" + id.publicKey().raw().toHex() + "1240"), hex);
    assertTrue(hex.endsWith("220e120c" + HEX.formatHex("/yamux/1.0.0".getBytes())), hex);
    assertEquals(List.of("/yamux/1.0.0"), HandshakePayload.decode(encoded).streamMuxers());
    // Without muxers, no extensions field at all: 106 - 2 bytes.
    assertEquals(104, HandshakePayload.sign(id, staticKey, List.of()).encode().length);
  }

  @Test
  void shouldAcceptEmptyExtensionsAndSkipUnknownFields() throws GeneralSecurityException {
    Ed25519.KeyPair id = seed00to1f();
    byte[] staticKey = new byte[32];
    byte[] base = HandshakePayload.sign(id, staticKey, List.of()).encode();
    // js with no muxers sends "22 00"; add unknown fields 3 (varint), 5 (bytes), 6 (fixed32).
    byte[] extra = HEX.parseHex("2200" + "1801" + "2a03616263" + "3501020304");
    byte[] all = new byte[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    HandshakePayload p = HandshakePayload.decode(all);
    assertEquals(List.of(), p.streamMuxers());
    assertEquals(PeerId.of(id.publicKey()), p.verify(staticKey));
  }

  @Test
  void shouldRejectASignatureOverAnotherStaticKey() {
    Ed25519.KeyPair id = seed00to1f();
    HandshakePayload p = HandshakePayload.sign(id, new byte[32], List.of());
    byte[] other = new byte[32];
    other[0] = 1;
    assertThrows(GeneralSecurityException.class, () -> p.verify(other));
    HandshakePayload noKey =
        new HandshakePayload(Bytes.wrap(new byte[] {8, 0}), p.identitySig(), List.of());
    assertThrows(GeneralSecurityException.class, () -> noKey.verify(new byte[32]));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shouldDecodeRandomAndTruncatedPayloadsWithOnlyACheckedFailure(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] good =
        HandshakePayload.sign(seed00to1f(), new byte[32], List.of("/yamux/1.0.0")).encode();
    for (int i = 0; i < 500; i++) {
      byte[] input;
      switch (i % 3) {
        case 0 -> input = java.util.Arrays.copyOf(good, rnd.nextInt(good.length));
        case 1 -> {
          input = good.clone();
          input[rnd.nextInt(input.length)] = (byte) rnd.nextInt(256);
        }
        default -> {
          input = new byte[rnd.nextInt(300)];
          rnd.nextBytes(input);
        }
      }
      try {
        HandshakePayload p = HandshakePayload.decode(input);
        p.verify(new byte[32]);
      } catch (GeneralSecurityException expected) {
        // the only allowed failure
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " case " + i + ": " + HEX.formatHex(input), e);
      }
    }
  }

  @Test
  void shouldChooseTheInlinedMuxerAsTheSpecSays() throws GeneralSecurityException {
    List<String> y = List.of("/yamux/1.0.0");
    List<String> both = List.of("/mplex/6.7.0", "/yamux/1.0.0");
    assertEquals(Optional.empty(), InlinedMuxer.choose(NoiseXX.Role.INITIATOR, List.of(), y));
    assertEquals(Optional.empty(), InlinedMuxer.choose(NoiseXX.Role.RESPONDER, y, List.of()));
    assertEquals(Optional.of("/yamux/1.0.0"), InlinedMuxer.choose(NoiseXX.Role.RESPONDER, y, both));
    // The initiator's order wins.
    assertEquals(
        Optional.of("/mplex/6.7.0"),
        InlinedMuxer.choose(NoiseXX.Role.INITIATOR, both, List.of("/yamux/1.0.0", "/mplex/6.7.0")));
    assertThrows(
        GeneralSecurityException.class,
        () -> InlinedMuxer.choose(NoiseXX.Role.INITIATOR, y, List.of("/mplex/6.7.0")));
  }
}
