/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Locks the canonical signing forms (docs/protocol.md, "Signed structures"). The expected hex was
 * produced by an independent Python script (struct + the cryptography package's Ed25519) from the
 * layout in the doc, not by this code. A change here is a wire-format change: bump the domain tag.
 */
class GoldenVectorTest {
  static final Ed25519.KeyPair NODE = Ed25519.fromSeed(seed(0));
  static final Ed25519.KeyPair CLIENT = Ed25519.fromSeed(seed(32));
  static final Cid CID = Cid.of("hello world\n".getBytes(StandardCharsets.US_ASCII));
  static final long T = 1767225600000L; // 2026-01-01T00:00:00Z
  static final Bytes REQUEST_NONCE = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
  static final Bytes ROUND_NONCE = Bytes.fromHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");

  static byte[] seed(int first) {
    byte[] s = new byte[32];
    for (int i = 0; i < 32; i++) {
      s[i] = (byte) (first + i);
    }
    return s;
  }

  @Test
  void shouldLockStoreReceipt() {
    StoreReceipt r =
        StoreReceipt.sign(CID, 12, T, PeerId.of(CLIENT.publicKey()), NODE.privateKey());
    assertEquals(
        "636169726e2f73746f72652d726563656970742f763100002600240801122003a107bff3ce10be1d"
            + "70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8002401551220a948904f2f0f479b8f8197"
            + "694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447000000000000000c0000019b76daa800002600"
            + "240801122029acbae141bccaf0b22e1a94d34d0bc7361e526d0bfe12c89794bc9322966dd7",
        Bytes.wrap(r.signingBytes()).toHex());
    assertEquals(
        "844db54b5192e9edf83143d5297fb941e23589e58a1788f71df5682e17bbb16abd5bbc8a3d008715"
            + "17ad6ae10e92f6e137486685fd94ad98028d1eb55685a209",
        r.signature().toHex());
    assertTrue(r.verify(PeerId.of(NODE.publicKey())));
  }

  @Test
  void shouldLockRetrievalProof() {
    RetrievalProof p =
        RetrievalProof.sign(CID, CID.digest(), REQUEST_NONCE, T + 5, NODE.privateKey());
    assertEquals(
        "636169726e2f72657472696576616c2d70726f6f662f763100002600240801122003a107bff3ce10"
            + "be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8002401551220a948904f2f0f479b8f"
            + "8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a4470020a948904f2f0f479b8f8197694b3018"
            + "4b0d2ed1c1cd2a1ec0fb85d299a192a4470010000102030405060708090a0b0c0d0e0f0000019b76"
            + "daa805",
        Bytes.wrap(p.signingBytes()).toHex());
    assertEquals(
        "8cc58da05b19a2c8732a8bd9d1cecf369dcb408f06cdf6379de48c3898b35c4ce856c87d5946fda7"
            + "5407765916349e9a46dc16b3414e27912684b12e75848109",
        p.signature().toHex());
    assertTrue(p.answers(new RetrieveRequest(CID, REQUEST_NONCE), PeerId.of(NODE.publicKey())));
  }

  @Test
  void shouldLockAuditResponse() {
    AuditChallenge c = new AuditChallenge(CID, ROUND_NONCE, T, REQUEST_NONCE, 16, 4096);
    Bytes hash = Bytes.fromHex("aa".repeat(32));
    AuditResponse r = AuditResponse.sign(c, hash, T + 250, NODE.privateKey());
    assertEquals(
        "636169726e2f61756469742d726573706f6e73652f763100002600240801122003a107bff3ce10be"
            + "1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8002401551220a948904f2f0f479b8f81"
            + "97694b30184b0d2ed1c1cd2a1ec0fb85d299a192a4470020aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0010000102030405060708090a0b0c0d0e0f0000019b76da"
            + "a8000000019b76daa8fa",
        Bytes.wrap(r.signingBytes()).toHex());
    assertEquals(
        "1a02b43f2caac35a36e560a93870fe32656340b069be7f26de92d115710e8a02d5552b84f821a3b7"
            + "bf04cccae697ab3d59d6216bc1f4fa5344975acea2e40b09",
        r.signature().toHex());
    assertTrue(r.answers(c, PeerId.of(NODE.publicKey())));
  }

  @Test
  void shouldLockPeerRecord() {
    PeerRecord r =
        PeerRecord.sign(
            List.of(
                Multiaddr.parse("/ip4/127.0.0.1/tcp/4001"), Multiaddr.parse("/ip6/::1/tcp/4001")),
            T,
            NODE.privateKey());
    assertEquals(
        "636169726e2f706565722d7265636f72642f763100002600240801122003a107bff3ce10be1d70dd"
            + "18e74bc09967e4d6309ba50d5f1ddc8664125531b80000019b76daa80000020008047f000001060f"
            + "a100142900000000000000000000000000000001060fa1",
        Bytes.wrap(r.signingBytes()).toHex());
    assertEquals(
        "889503c85f9e5694a634b488c16ccd566bd3758c333cb77ea27e89a1cd393fc912ad6598f1069278"
            + "332012b2045f094cf076c308292dec4593aafb9f410cfc0e",
        r.signature().toHex());
    assertTrue(r.verify(PeerId.of(NODE.publicKey())));
  }
}
