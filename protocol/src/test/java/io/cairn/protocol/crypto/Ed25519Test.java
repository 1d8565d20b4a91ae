/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519Test {
  // RFC 8032 §7.1, TEST 1, TEST 2 and TEST 3 (secret key = seed, public key, message, signature).
  @ParameterizedTest
  @CsvSource({
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
        + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
        + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
        + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
        + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
        + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
        + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
  })
  void shouldMatchRfc8032Vectors(String seed, String pub, String msg, String sig) {
    Ed25519.KeyPair kp = Ed25519.fromSeed(Bytes.fromHex(seed).toArray());
    assertEquals(pub, kp.publicKey().raw().toHex());
    byte[] m = Bytes.fromHex(msg).toArray();
    byte[] s = Ed25519.sign(kp.privateKey(), m);
    assertEquals(sig, Bytes.wrap(s).toHex());
    assertTrue(Ed25519.verify(kp.publicKey(), m, s));
    assertTrue(kp.publicKey().verify(m, kp.privateKey().sign(m)));
  }

  @Test
  void shouldMatchLibp2pNoisePayloadSignature() {
    // shared libp2p notes §7.2: seed 000102…1f signs "noise-libp2p-static-key:" || 0x20 * 32.
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    Ed25519.KeyPair kp = Ed25519.fromSeed(seed);
    byte[] msg = new byte[24 + 32];
    System.arraycopy("noise-libp2p-static-key:".getBytes(US_ASCII), 0, msg, 0, 24);
    java.util.Arrays.fill(msg, 24, 56, (byte) 0x20);
    assertEquals(
        "f08b5e99f40c3956d0cd7f69d282b46ffb92cb04730b0a2dfdc0cf7c5ad39fb9"
            + "b9291cdf005ced034756b7fcf46ca1a7a301d4f071ec226e673871f9630a8003",
        Bytes.wrap(Ed25519.sign(kp.privateKey(), msg)).toHex());
  }

  @Test
  void shouldEncodeLibp2pKeyProtobufs() {
    // libp2p specs peer-ids/peer-ids.md § Test vectors (ED25519 private and public key).
    String priv =
        "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d"
            + "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    String pub = "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    Ed25519.PrivateKey k = Ed25519.PrivateKey.fromProtobuf(Bytes.fromHex(priv).toArray());
    assertEquals(pub, Bytes.wrap(k.publicKey().toProtobuf()).toHex());
    assertEquals(priv, Bytes.wrap(k.toProtobuf()).toHex());
    assertEquals(k.publicKey(), Ed25519.PublicKey.fromProtobuf(Bytes.fromHex(pub).toArray()));
    // the older 96-byte form: seed || pub || pub
    String legacy = "08011260" + priv.substring(8) + pub.substring(8);
    assertEquals(k, Ed25519.PrivateKey.fromProtobuf(Bytes.fromHex(legacy).toArray()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0801",
        "080012201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e",
        "080212201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e",
        "080112211ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e",
        "0801121f1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce2",
        "1220080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474",
        "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e00"
      })
  void shouldRejectMalformedPublicKeyProtobufs(String hex) {
    assertThrows(
        IllegalArgumentException.class,
        () -> Ed25519.PublicKey.fromProtobuf(Bytes.fromHex(hex).toArray()));
  }

  @Test
  void shouldRejectPrivateKeyWithMismatchedPublicKey() {
    byte[] enc = Ed25519.fromSeed(new byte[32]).privateKey().toProtobuf();
    enc[enc.length - 1] ^= 1;
    var e =
        assertThrows(IllegalArgumentException.class, () -> Ed25519.PrivateKey.fromProtobuf(enc));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
  }

  @Test
  void shouldRejectWrongLengths() {
    assertThrows(IllegalArgumentException.class, () -> Ed25519.fromSeed(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Ed25519.PublicKey.of(new byte[33]));
    Ed25519.KeyPair kp = Ed25519.fromSeed(new byte[32]);
    byte[] sig = Ed25519.sign(kp.privateKey(), new byte[] {1});
    assertFalse(Ed25519.verify(kp.publicKey(), new byte[] {1}, java.util.Arrays.copyOf(sig, 63)));
    assertFalse(Ed25519.verify(kp.publicKey(), new byte[] {1}, java.util.Arrays.copyOf(sig, 65)));
    assertFalse(Ed25519.verify(kp.publicKey(), new byte[] {1}, new byte[0]));
  }

  @Test
  void shouldRejectNonCanonicalS() {
    // RFC 8032 §5.1.7 step 1: S must be below L. S + L is the same signature modulo L
    // (and would verify under a lax implementation); a strict verifier rejects it.
    BigInteger l =
        BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    Ed25519.KeyPair kp = Ed25519.fromSeed(new byte[32]);
    byte[] msg = {1, 2, 3};
    byte[] sig = Ed25519.sign(kp.privateKey(), msg);
    BigInteger s = new BigInteger(1, reverse(java.util.Arrays.copyOfRange(sig, 32, 64)));
    byte[] bigS = reverse(toFixed(s.add(l), 32));
    byte[] forged = sig.clone();
    System.arraycopy(bigS, 0, forged, 32, 32);
    assertTrue(Ed25519.verify(kp.publicKey(), msg, sig));
    assertFalse(Ed25519.verify(kp.publicKey(), msg, forged));
  }

  @Test
  void shouldRejectNonCanonicalPublicKey() {
    // y = p = 2^255 - 19 is not a canonical field element (RFC 8032 §5.1.3 step 1).
    byte[] pk = new byte[32];
    java.util.Arrays.fill(pk, (byte) 0xff);
    pk[0] = (byte) 0xed;
    pk[31] = 0x7f;
    assertFalse(Ed25519.verify(Ed25519.PublicKey.of(pk), new byte[] {1}, new byte[64]));
    // random bytes that are not a point
    assertFalse(
        Ed25519.verify(
            Ed25519.PublicKey.of(Bytes.fromHex("02" + "00".repeat(31)).toArray()),
            new byte[0],
            new byte[64]));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void shouldFailVerificationOnAnyFlippedBit(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] s = new byte[32];
    rnd.nextBytes(s);
    Ed25519.KeyPair kp = Ed25519.fromSeed(s);
    byte[] msg = new byte[rnd.nextInt(1, 100)];
    rnd.nextBytes(msg);
    byte[] sig = Ed25519.sign(kp.privateKey(), msg);
    assertTrue(Ed25519.verify(kp.publicKey(), msg, sig), "seed " + seed);
    for (int i = 0; i < sig.length; i++) {
      byte[] bad = sig.clone();
      bad[i] ^= (byte) (1 << rnd.nextInt(8));
      assertFalse(Ed25519.verify(kp.publicKey(), msg, bad), "seed " + seed + " sig byte " + i);
    }
    for (int i = 0; i < msg.length; i++) {
      byte[] bad = msg.clone();
      bad[i] ^= 1;
      assertFalse(Ed25519.verify(kp.publicKey(), bad, sig), "seed " + seed + " msg byte " + i);
    }
  }

  @Test
  void shouldGenerateDistinctKeysAndHideSecrets() {
    SecureRandom random = new SecureRandom();
    Ed25519.KeyPair a = Ed25519.generate(random);
    Ed25519.KeyPair b = Ed25519.generate(random);
    assertFalse(a.publicKey().equals(b.publicKey()));
    String seedHex =
        Bytes.wrap(java.util.Arrays.copyOfRange(a.privateKey().toProtobuf(), 4, 36)).toHex();
    assertFalse(a.privateKey().toString().contains(seedHex));
    assertFalse(a.toString().contains(seedHex));
    assertArrayEquals(
        a.privateKey().toProtobuf(),
        Ed25519.PrivateKey.fromProtobuf(a.privateKey().toProtobuf()).toProtobuf());
    assertThrows(
        IllegalArgumentException.class, () -> new Ed25519.KeyPair(a.privateKey(), b.publicKey()));
  }

  private static byte[] reverse(byte[] a) {
    byte[] r = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[a.length - 1 - i];
    }
    return r;
  }

  private static byte[] toFixed(BigInteger v, int len) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[len];
    int n = Math.min(raw.length, len);
    System.arraycopy(raw, raw.length - n, out, len - n, n);
    return out;
  }
}
