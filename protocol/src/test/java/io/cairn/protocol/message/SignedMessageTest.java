/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.GoldenVectorTest.CID;
import static io.cairn.protocol.message.GoldenVectorTest.CLIENT;
import static io.cairn.protocol.message.GoldenVectorTest.NODE;
import static io.cairn.protocol.message.GoldenVectorTest.REQUEST_NONCE;
import static io.cairn.protocol.message.GoldenVectorTest.ROUND_NONCE;
import static io.cairn.protocol.message.GoldenVectorTest.T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.crypto.Ed25519;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SignedMessageTest {
  private static final PeerId NODE_ID = PeerId.of(NODE.publicKey());
  private static final PeerId CLIENT_ID = PeerId.of(CLIENT.publicKey());
  private static final Cid OTHER_CID = Cid.of(new byte[] {1});

  private static StoreReceipt receipt() {
    return StoreReceipt.sign(CID, 12, T, CLIENT_ID, NODE.privateKey());
  }

  private static RetrievalProof proof() {
    return RetrievalProof.sign(CID, CID.digest(), REQUEST_NONCE, T, NODE.privateKey());
  }

  private static AuditChallenge challenge() {
    return new AuditChallenge(CID, ROUND_NONCE, T, REQUEST_NONCE, 16, 4096);
  }

  private static AuditResponse audit() {
    return AuditResponse.sign(
        challenge(), Bytes.fromHex("aa".repeat(32)), T + 1, NODE.privateKey());
  }

  private static PeerRecord record() {
    return PeerRecord.sign(
        List.of(Multiaddr.parse("/ip4/10.0.0.1/tcp/4001"), Multiaddr.parse("/dns/a.example/tcp/1")),
        T,
        NODE.privateKey());
  }

  /** Every single-byte change of the signing bytes or of the signature must fail. */
  private static void assertTamperEvident(
      String what, byte[] signingBytes, Bytes signature, Ed25519.PublicKey key) {
    byte[] sig = signature.toArray();
    assertTrue(Ed25519.verify(key, signingBytes, sig), what);
    for (int i = 0; i < signingBytes.length; i++) {
      byte[] bad = signingBytes.clone();
      bad[i] ^= 0x01;
      assertFalse(Ed25519.verify(key, bad, sig), what + ": signing byte " + i);
    }
    for (int i = 0; i < sig.length; i++) {
      byte[] bad = sig.clone();
      bad[i] ^= 0x01;
      assertFalse(Ed25519.verify(key, signingBytes, bad), what + ": signature byte " + i);
    }
  }

  @Test
  void shouldDetectTamperingWithAnySignedByte() {
    assertTamperEvident(
        "receipt", receipt().signingBytes(), receipt().signature(), NODE.publicKey());
    assertTamperEvident("proof", proof().signingBytes(), proof().signature(), NODE.publicKey());
    assertTamperEvident("audit", audit().signingBytes(), audit().signature(), NODE.publicKey());
    assertTamperEvident("record", record().signingBytes(), record().signature(), NODE.publicKey());
  }

  private static <T> void assertFieldChangesBreak(
      T signed, Predicate<T> verify, List<Function<T, T>> mutations) {
    assertTrue(verify.test(signed));
    for (int i = 0; i < mutations.size(); i++) {
      assertFalse(verify.test(mutations.get(i).apply(signed)), "mutation " + i);
    }
  }

  @Test
  void shouldBindEveryFieldOfAReceipt() {
    assertFieldChangesBreak(
        receipt(),
        r -> r.verify(NODE_ID),
        List.of(
            r ->
                new StoreReceipt(
                    CLIENT_ID, r.cid(), r.size(), r.storedAtMillis(), r.client(), r.signature()),
            r ->
                new StoreReceipt(
                    r.node(), OTHER_CID, r.size(), r.storedAtMillis(), r.client(), r.signature()),
            r ->
                new StoreReceipt(
                    r.node(), r.cid(), r.size() + 1, r.storedAtMillis(), r.client(), r.signature()),
            r ->
                new StoreReceipt(
                    r.node(), r.cid(), r.size(), r.storedAtMillis() + 1, r.client(), r.signature()),
            r ->
                new StoreReceipt(
                    r.node(), r.cid(), r.size(), r.storedAtMillis(), r.node(), r.signature())));
    assertFalse(receipt().verify(CLIENT_ID));
  }

  @Test
  void shouldBindEveryFieldOfAProof() {
    Bytes otherNonce = Bytes.fromHex("ff".repeat(16));
    assertFieldChangesBreak(
        proof(),
        p -> p.verify(NODE_ID),
        List.of(
            p ->
                new RetrievalProof(
                    p.node(),
                    OTHER_CID,
                    p.sha256(),
                    p.requestNonce(),
                    p.timeMillis(),
                    p.signature()),
            p ->
                new RetrievalProof(
                    p.node(),
                    p.cid(),
                    OTHER_CID.digest(),
                    p.requestNonce(),
                    p.timeMillis(),
                    p.signature()),
            p ->
                new RetrievalProof(
                    p.node(), p.cid(), p.sha256(), otherNonce, p.timeMillis(), p.signature()),
            p ->
                new RetrievalProof(
                    p.node(),
                    p.cid(),
                    p.sha256(),
                    p.requestNonce(),
                    p.timeMillis() + 1,
                    p.signature())));
    assertFalse(proof().answers(new RetrieveRequest(CID, otherNonce), NODE_ID));
    assertFalse(proof().answers(new RetrieveRequest(OTHER_CID, REQUEST_NONCE), NODE_ID));
    // a correctly signed proof whose digest is not the CID's does not answer the request
    RetrievalProof wrongDigest =
        RetrievalProof.sign(CID, OTHER_CID.digest(), REQUEST_NONCE, T, NODE.privateKey());
    assertTrue(wrongDigest.verify(NODE_ID));
    assertFalse(wrongDigest.answers(new RetrieveRequest(CID, REQUEST_NONCE), NODE_ID));
  }

  @Test
  void shouldBindEveryFieldOfAnAuditResponse() {
    Bytes otherNonce = Bytes.fromHex("ff".repeat(16));
    assertFieldChangesBreak(
        audit(),
        a -> a.verify(NODE_ID),
        List.of(
            a ->
                new AuditResponse(
                    a.node(),
                    OTHER_CID,
                    a.hash(),
                    a.requestNonce(),
                    a.challengeTimeMillis(),
                    a.responseTimeMillis(),
                    a.signature()),
            a ->
                new AuditResponse(
                    a.node(),
                    a.cid(),
                    OTHER_CID.digest(),
                    a.requestNonce(),
                    a.challengeTimeMillis(),
                    a.responseTimeMillis(),
                    a.signature()),
            a ->
                new AuditResponse(
                    a.node(),
                    a.cid(),
                    a.hash(),
                    otherNonce,
                    a.challengeTimeMillis(),
                    a.responseTimeMillis(),
                    a.signature()),
            a ->
                new AuditResponse(
                    a.node(),
                    a.cid(),
                    a.hash(),
                    a.requestNonce(),
                    a.challengeTimeMillis() + 1,
                    a.responseTimeMillis(),
                    a.signature()),
            a ->
                new AuditResponse(
                    a.node(),
                    a.cid(),
                    a.hash(),
                    a.requestNonce(),
                    a.challengeTimeMillis(),
                    a.responseTimeMillis() + 1,
                    a.signature())));
    AuditChallenge other = new AuditChallenge(CID, ROUND_NONCE, T + 1, REQUEST_NONCE, 16, 4096);
    assertFalse(audit().answers(other, NODE_ID));
  }

  @Test
  void shouldBindEveryFieldOfAPeerRecord() {
    assertFieldChangesBreak(
        record(),
        r -> r.verify(NODE_ID),
        List.of(
            r -> new PeerRecord(r.peer(), r.addrs().subList(0, 1), r.seq(), r.signature()),
            r -> new PeerRecord(r.peer(), r.addrs().reversed(), r.seq(), r.signature()),
            r -> new PeerRecord(r.peer(), r.addrs(), r.seq() + 1, r.signature()),
            r -> new PeerRecord(CLIENT_ID, r.addrs(), r.seq(), r.signature())));
    assertEquals(
        "/ip4/10.0.0.1/tcp/4001/p2p/" + NODE_ID, record().dialAddrs().getFirst().toString());
  }

  @Test
  void shouldRoundTripThroughProtobuf() throws ProtocolException {
    assertEquals(receipt(), StoreReceipt.fromProto(receipt().toProto()));
    assertEquals(proof(), RetrievalProof.fromProto(proof().toProto()));
    assertEquals(audit(), AuditResponse.fromProto(audit().toProto()));
    assertEquals(record(), PeerRecord.fromProto(record().toProto()));
    assertTrue(StoreReceipt.fromProto(receipt().toProto()).verify(NODE_ID));
  }

  @Test
  void shouldRefuseInvalidFieldsWhenBuilding() {
    assertThrows(
        IllegalArgumentException.class,
        () -> StoreReceipt.sign(CID, -1, T, CLIENT_ID, NODE.privateKey()));
    assertThrows(
        IllegalArgumentException.class,
        () -> StoreReceipt.sign(CID, (64L << 20) + 1, T, CLIENT_ID, NODE.privateKey()));
    assertThrows(
        IllegalArgumentException.class,
        () -> RetrievalProof.sign(CID, CID.digest(), Bytes.fromHex("00"), T, NODE.privateKey()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StoreReceipt(NODE_ID, CID, 1, T, CLIENT_ID, Bytes.fromHex("00".repeat(63))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PeerRecord.sign(
                List.of(Multiaddr.parse("/ip4/1.2.3.4/tcp/1/p2p/" + NODE_ID)),
                T,
                NODE.privateKey()));
    List<Multiaddr> nine = java.util.Collections.nCopies(9, Multiaddr.parse("/ip4/1.2.3.4/tcp/1"));
    assertThrows(IllegalArgumentException.class, () -> PeerRecord.sign(nine, T, NODE.privateKey()));
  }
}
