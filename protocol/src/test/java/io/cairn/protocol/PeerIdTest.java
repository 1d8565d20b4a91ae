/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.crypto.Ed25519;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerIdTest {
  // libp2p specs peer-ids/peer-ids.md § Test vectors (Ed25519 key), text forms derived by
  // js-libp2p.
  private static final String SPEC_PUBLIC_KEY_PROTOBUF =
      "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  private static final String SPEC_MULTIHASH =
      "0024080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  private static final String SPEC_BASE58 = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";
  private static final String SPEC_CID =
      "bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6";

  @Test
  void shouldMatchSpecVector() {
    PeerId id =
        PeerId.of(
            Ed25519.PublicKey.fromProtobuf(Bytes.fromHex(SPEC_PUBLIC_KEY_PROTOBUF).toArray()));
    assertEquals(SPEC_MULTIHASH, Bytes.wrap(id.toBytes()).toHex());
    assertEquals(SPEC_BASE58, id.toString());
    assertEquals(SPEC_CID, id.toCidString());
    assertEquals(id, PeerId.parse(SPEC_BASE58));
    assertEquals(id, PeerId.parse(SPEC_CID));
    assertEquals(id, PeerId.fromBytes(Bytes.fromHex(SPEC_MULTIHASH).toArray()));
  }

  @Test
  void shouldMatchSeedVector() {
    // shared libp2p notes §7.2: the js-libp2p identity of seed 000102…1f.
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    PeerId id = PeerId.of(Ed25519.fromSeed(seed).publicKey());
    assertEquals("12D3KooWA4Xop1JaT3MHxwYMkCepYsv4iPVopMXwCz5iHYdBfeSB", id.toString());
    assertEquals(
        "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8",
        id.publicKey().raw().toHex());
  }

  @Test
  void shouldParseTheOtherSpecExample() {
    PeerId id = PeerId.parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");
    assertEquals("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA", id.toString());
    assertEquals(id, PeerId.parse(id.toCidString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N",
        "bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe",
        "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3p",
        "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pqq",
        "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3p0",
        "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
        "xyz"
      })
  void shouldRejectBadText(String text) {
    var e = assertThrows(IllegalArgumentException.class, () -> PeerId.parse(text));
    assertTrue(!e.getMessage().isBlank());
  }

  @Test
  void shouldRejectNonEd25519Binary() {
    // identity multihash of a secp256k1 (type 2) key protobuf
    byte[] secp = Bytes.fromHex("0025080212210" + "2" + "00".repeat(32)).toArray();
    var e = assertThrows(IllegalArgumentException.class, () -> PeerId.fromBytes(secp));
    assertTrue(e.getMessage().contains("Secp256k1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PeerId.fromBytes(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> PeerId.fromBytes(new byte[] {0, 0x24}));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void shouldRoundTripRandomKeys(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      byte[] key = new byte[32];
      rnd.nextBytes(key);
      PeerId id = PeerId.of(Ed25519.PublicKey.of(key));
      String msg = "seed " + seed + " key " + Bytes.wrap(key).toHex();
      assertTrue(id.toString().startsWith("12D3KooW"), msg);
      assertEquals(id, PeerId.parse(id.toString()), msg);
      assertEquals(id, PeerId.parse(id.toCidString()), msg);
      assertEquals(id, PeerId.fromBytes(id.toBytes()), msg);
      assertEquals(PeerId.BINARY_LENGTH, id.toBytes().length, msg);
    }
  }
}
