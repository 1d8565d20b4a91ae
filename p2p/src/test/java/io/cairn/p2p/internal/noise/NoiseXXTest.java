/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseXXTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] hex(String s) {
    return HEX.parseHex(s);
  }

  /**
   * The {@code Noise_XX_25519_ChaChaPoly_SHA256} entry of cacophony's vectors/cacophony.txt
   * (haskell-cryptography/cacophony at 8ee9d41e, also shipped by snow and noise-c): non-empty
   * prologue, plain-text payloads; messages 0-2 are the handshake, 3-5 transport R->I, I->R, R->I.
   */
  @Test
  void shouldReproduceCacophonyXxVector() throws GeneralSecurityException {
    byte[] prologue = hex("4a6f686e2047616c74");
    X25519KeyPair initStatic =
        X25519KeyPair.fromPrivate(
            hex("e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1"));
    X25519KeyPair initEphemeral =
        X25519KeyPair.fromPrivate(
            hex("893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a"));
    X25519KeyPair respStatic =
        X25519KeyPair.fromPrivate(
            hex("4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114246e4893"));
    X25519KeyPair respEphemeral =
        X25519KeyPair.fromPrivate(
            hex("bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b"));
    SecureRandom unused = new SecureRandom();
    NoiseXX init = new NoiseXX(NoiseXX.Role.INITIATOR, prologue, initStatic, initEphemeral, unused);
    NoiseXX resp = new NoiseXX(NoiseXX.Role.RESPONDER, prologue, respStatic, respEphemeral, unused);

    String[][] handshake = {
      {
        "4c756477696720766f6e204d69736573",
        "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79444c756477696720766f6e204d69736573"
      },
      {
        "4d757272617920526f746862617264",
        "95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f14480884381cbad1f276e038c48378ffce2b65285e08d6b68aaa3629a5a8639392490e5b9bd5269c2f1e4f488ed8831161f19b7815528f8982ffe09be9b5c412f8a0db50f8814c7194e83f23dbd8d162c9326ad"
      },
      {
        "462e20412e20486179656b",
        "c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b444850a80ae475b9df0f169ae80a89be0865b57f58c9fea0d4ec82a286427402f113e4b6ae769a1d95941d49b25030"
      }
    };
    for (int i = 0; i < 3; i++) {
      NoiseXX writer = i % 2 == 0 ? init : resp;
      NoiseXX reader = i % 2 == 0 ? resp : init;
      byte[] ct = writer.writeMessage(hex(handshake[i][0]));
      assertEquals(handshake[i][1], HEX.formatHex(ct), "handshake message " + i);
      assertArrayEquals(hex(handshake[i][0]), reader.readMessage(ct), "payload " + i);
    }
    assertTrue(init.isComplete() && resp.isComplete());
    byte[] hash = hex("c8e5f64e846193be2a834104c2a009868d6c9f3bd3c186299888b488b2f1f58e");
    assertArrayEquals(hash, init.handshakeHash());
    assertArrayEquals(hash, resp.handshakeHash());
    assertArrayEquals(respStatic.publicKey(), init.remoteStaticKey());
    assertArrayEquals(initStatic.publicKey(), resp.remoteStaticKey());

    NoiseXX.Split is = init.split();
    NoiseXX.Split rs = resp.split();
    String[][] transport = {
      {"4361726c204d656e676572", "96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df"},
      {
        "4a65616e2d426170746973746520536179",
        "3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2e5c79c07f5"
      },
      {
        "457567656e2042f6686d20766f6e2042617765726b",
        "eb3f3515110702e047a6c9da4478b6ead94873c11c0f2d710ddb3f09fce024b3a58502ae3f"
      }
    };
    for (int i = 0; i < 3; i++) {
      CipherState send = i % 2 == 0 ? rs.sender() : is.sender();
      CipherState recv = i % 2 == 0 ? is.receiver() : rs.receiver();
      byte[] pt = hex(transport[i][0]);
      byte[] ct = new byte[pt.length + 16];
      assertEquals(ct.length, send.encrypt(pt, 0, pt.length, ct, 0));
      assertEquals(transport[i][1], HEX.formatHex(ct), "transport message " + (i + 3));
      byte[] back = new byte[pt.length];
      assertEquals(pt.length, recv.decrypt(ct, 0, ct.length, back, 0));
      assertArrayEquals(pt, back);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldRejectEveryFlippedByteOfEveryHandshakeMessage(long seed)
      throws GeneralSecurityException {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int msg = 0; msg < 3; msg++) {
      SecureRandom sr = new SecureRandom();
      NoiseXX init = new NoiseXX(NoiseXX.Role.INITIATOR, X25519KeyPair.generate(sr), sr);
      NoiseXX resp = new NoiseXX(NoiseXX.Role.RESPONDER, X25519KeyPair.generate(sr), sr);
      NoiseXX[] order = {init, resp, init};
      NoiseXX[] readers = {resp, init, resp};
      for (int i = 0; i < msg; i++) {
        readers[i].readMessage(order[i].writeMessage(new byte[] {1, 2, 3}));
      }
      byte[] m = order[msg].writeMessage(new byte[] {1, 2, 3});
      int pos = rnd.nextInt(m.length);
      m[pos] ^= (byte) (1 << rnd.nextInt(8));
      NoiseXX reader = readers[msg];
      final byte[] tampered = m;
      if (msg == 0) {
        // Message 1 is unauthenticated; a flipped ephemeral key surfaces at message 2.
        reader.readMessage(tampered);
        byte[] m2 = reader.writeMessage(new byte[0]);
        assertThrows(
            GeneralSecurityException.class,
            () -> init.readMessage(m2),
            "seed " + seed + " message 1 byte " + pos);
      } else {
        assertThrows(
            GeneralSecurityException.class,
            () -> reader.readMessage(tampered),
            "seed " + seed + " message " + (msg + 1) + " byte " + pos);
      }
    }
  }

  @Test
  void shouldRejectTruncatedMessagesWithACheckedException() throws GeneralSecurityException {
    SecureRandom sr = new SecureRandom();
    for (int cut = 0; cut < 96; cut++) {
      NoiseXX init = new NoiseXX(NoiseXX.Role.INITIATOR, X25519KeyPair.generate(sr), sr);
      NoiseXX resp = new NoiseXX(NoiseXX.Role.RESPONDER, X25519KeyPair.generate(sr), sr);
      resp.readMessage(init.writeMessage(new byte[0]));
      byte[] m2 = resp.writeMessage(new byte[0]);
      byte[] truncated = java.util.Arrays.copyOf(m2, cut);
      assertThrows(GeneralSecurityException.class, () -> init.readMessage(truncated), "cut " + cut);
    }
  }

  @Test
  void shouldRefuseToWriteOutOfTurn() {
    SecureRandom sr = new SecureRandom();
    NoiseXX resp = new NoiseXX(NoiseXX.Role.RESPONDER, X25519KeyPair.generate(sr), sr);
    assertThrows(GeneralSecurityException.class, () -> resp.writeMessage(new byte[0]));
  }
}
