/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.engine.NodeObservation;
import io.cairn.client.engine.NodeObservation.Operation;
import io.cairn.client.engine.NodeObservation.Outcome;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.sentinel.AuditFailure;
import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.RetrievalFailure;
import io.cairn.sentinel.SignedMessage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engines' observations become the sentinel evidence docs/sentinel.md "Wiring" lists. */
class EvidenceMapperTest {
  static final PeerId PEER = PeerId.of(Ed25519.fromSeed(new byte[32]).publicKey());
  static final Cid CID = Cid.of(new byte[] {1, 2, 3});

  static NodeObservation obs(Operation op, Outcome outcome, ErrorCode code, boolean holder) {
    return new NodeObservation(
        PEER, op, CID, outcome, Optional.ofNullable(code), holder, 1_000, 42, "detail");
  }

  static Optional<Evidence> map(Operation op, Outcome outcome) {
    return EvidenceMapper.toEvidence(obs(op, outcome, null, true));
  }

  @Test
  void shouldMapRetrievalOutcomes() {
    assertEquals(
        new Evidence.RetrievalSucceeded(PEER.toString(), 1_000, CID.toString(), 42),
        map(Operation.RETRIEVE, Outcome.OK).orElseThrow());
    assertEquals(
        new Evidence.CorruptData(PEER.toString(), 1_000, CID.toString()),
        map(Operation.RETRIEVE, Outcome.CORRUPT_DATA).orElseThrow());
    assertEquals(
        new Evidence.CorruptData(PEER.toString(), 1_000, CID.toString()),
        map(Operation.RETRIEVE, Outcome.BAD_PROOF).orElseThrow());
    assertEquals(
        new Evidence.BadSignature(PEER.toString(), 1_000, SignedMessage.RETRIEVAL_PROOF),
        map(Operation.RETRIEVE, Outcome.BAD_SIGNATURE).orElseThrow());
    assertEquals(
        new Evidence.Unreachable(PEER.toString(), 1_000),
        map(Operation.RETRIEVE, Outcome.UNREACHABLE).orElseThrow());
    assertEquals(
        new Evidence.RetrievalFailed(
            PEER.toString(), 1_000, CID.toString(), RetrievalFailure.ERROR),
        map(Operation.RETRIEVE, Outcome.TIMEOUT).orElseThrow());
  }

  @Test
  void shouldBlameANotFoundOnlyOnANodeThatHeldTheShard() {
    assertEquals(
        new Evidence.RetrievalFailed(
            PEER.toString(), 1_000, CID.toString(), RetrievalFailure.NOT_FOUND),
        EvidenceMapper.toEvidence(
                obs(Operation.RETRIEVE, Outcome.NOT_FOUND, ErrorCode.NOT_FOUND, true))
            .orElseThrow());
    assertTrue(
        EvidenceMapper.toEvidence(
                obs(Operation.RETRIEVE, Outcome.NOT_FOUND, ErrorCode.NOT_FOUND, false))
            .isEmpty(),
        "a deterministic fallback that never had the shard is not at fault");
    assertEquals(
        new Evidence.RetrievalFailed(
            PEER.toString(), 1_000, CID.toString(), RetrievalFailure.NOT_FOUND),
        EvidenceMapper.toEvidence(obs(Operation.RETRIEVE, Outcome.REFUSED, ErrorCode.CORRUPT, true))
            .orElseThrow(),
        "a holder whose own copy went bad has lost it");
    assertEquals(
        new Evidence.RetrievalFailed(
            PEER.toString(), 1_000, CID.toString(), RetrievalFailure.REFUSED),
        EvidenceMapper.toEvidence(
                obs(Operation.RETRIEVE, Outcome.REFUSED, ErrorCode.QUOTA_EXCEEDED, true))
            .orElseThrow());
  }

  @Test
  void shouldMapAuditOutcomes() {
    String n = PEER.toString();
    String s = CID.toString();
    assertEquals(
        new Evidence.AuditPassed(n, 1_000, s, 42), map(Operation.AUDIT, Outcome.OK).orElseThrow());
    assertEquals(
        new Evidence.AuditFailed(n, 1_000, s, AuditFailure.WRONG_HASH),
        map(Operation.AUDIT, Outcome.WRONG_HASH).orElseThrow());
    assertEquals(
        new Evidence.AuditFailed(n, 1_000, s, AuditFailure.NOT_FOUND),
        EvidenceMapper.toEvidence(
                obs(Operation.AUDIT, Outcome.NOT_FOUND, ErrorCode.NOT_FOUND, true))
            .orElseThrow());
    assertEquals(
        new Evidence.AuditFailed(n, 1_000, s, AuditFailure.NOT_FOUND),
        EvidenceMapper.toEvidence(obs(Operation.AUDIT, Outcome.REFUSED, ErrorCode.CORRUPT, true))
            .orElseThrow());
    assertEquals(
        new Evidence.AuditFailed(n, 1_000, s, AuditFailure.BAD_TIME),
        map(Operation.AUDIT, Outcome.BAD_TIME).orElseThrow());
    assertEquals(
        new Evidence.BadSignature(n, 1_000, SignedMessage.AUDIT_RESPONSE),
        map(Operation.AUDIT, Outcome.BAD_SIGNATURE).orElseThrow());
    for (Outcome o : new Outcome[] {Outcome.STALE, Outcome.TIMEOUT, Outcome.REPLAYED}) {
      assertEquals(
          new Evidence.AuditTimedOut(n, 1_000, s), map(Operation.AUDIT, o).orElseThrow(), "" + o);
    }
    assertTrue(
        EvidenceMapper.toEvidence(
                obs(Operation.AUDIT, Outcome.REFUSED, ErrorCode.AUDIT_NONCE_REPLAYED, true))
            .isEmpty(),
        "a round the client reused is the client's fault");
  }

  @Test
  void shouldMapStoreOutcomes() {
    assertEquals(
        new Evidence.LatencySample(PEER.toString(), 1_000, 42),
        map(Operation.STORE, Outcome.OK).orElseThrow());
    assertEquals(
        new Evidence.BadSignature(PEER.toString(), 1_000, SignedMessage.RECEIPT),
        map(Operation.STORE, Outcome.BAD_SIGNATURE).orElseThrow());
    assertTrue(map(Operation.STORE, Outcome.TIMEOUT).isEmpty());
  }

  @Test
  void shouldMapEveryOutcomeOfEveryOperationWithoutThrowing() {
    for (Operation op : Operation.values()) {
      for (Outcome o : Outcome.values()) {
        boolean refusal = o == Outcome.REFUSED || o == Outcome.NOT_FOUND;
        for (ErrorCode c : refusal ? ErrorCode.values() : new ErrorCode[] {null}) {
          for (boolean holder : new boolean[] {true, false}) {
            EvidenceMapper.toEvidence(obs(op, o, c, holder));
          }
        }
      }
    }
  }
}
