/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine.internal;

import io.cairn.client.engine.NodeObservation.Outcome;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.RetrievalProof;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.StoreReceipt;

/**
 * The checks the engines run on a node's signed answers before trusting them, each giving the most
 * specific {@link Verdict}. Signatures are checked first, so that everything after them is known to
 * come from the peer asked.
 */
public final class AnswerChecks {
  private AnswerChecks() {}

  /**
   * A store receipt: signed by {@code peer} (the one asked), for this CID and size, made out to
   * this client, and not dated later than {@code nowMillis + maxSkewMillis}. A receipt may be dated
   * long before the store: a node that already held the shard (another owner stored it first) may
   * sign with the time it was first synced.
   */
  public static Verdict receipt(
      StoreReceipt r,
      PeerId peer,
      Cid cid,
      long size,
      PeerId client,
      long nowMillis,
      long maxSkewMillis) {
    if (!r.node().equals(peer)) {
      return Verdict.of(
          Outcome.BAD_SIGNATURE, "receipt is signed by " + r.node() + ", not the peer asked");
    }
    if (!r.verifySignature()) {
      return Verdict.of(Outcome.BAD_SIGNATURE, "receipt signature does not verify");
    }
    if (!r.cid().equals(cid)) {
      return Verdict.of(Outcome.PROTOCOL_ERROR, "receipt is for " + r.cid() + ", not " + cid);
    }
    if (r.size() != size) {
      return Verdict.of(
          Outcome.PROTOCOL_ERROR, "receipt says " + r.size() + " bytes, the shard has " + size);
    }
    if (!r.client().equals(client)) {
      return Verdict.of(
          Outcome.PROTOCOL_ERROR, "receipt is made out to " + r.client() + ", not this client");
    }
    long latest =
        nowMillis > Long.MAX_VALUE - maxSkewMillis ? Long.MAX_VALUE : nowMillis + maxSkewMillis;
    if (r.storedAtMillis() > latest) {
      return Verdict.of(
          Outcome.BAD_TIME,
          "receipt is dated "
              + (r.storedAtMillis() - nowMillis)
              + " ms in the future (allowed skew "
              + maxSkewMillis
              + " ms)");
    }
    return Verdict.OK;
  }

  /**
   * A retrieval proof, before the bytes are hashed: signed by {@code peer}, echoing the request's
   * CID and nonce, and vouching for the CID's own digest ({@link RetrievalProof#answers} with a
   * specific verdict for each way it can fail). The caller then checks the bytes against the CID,
   * which is the same hash as the proof's.
   */
  public static Verdict proof(RetrievalProof p, RetrieveRequest request, PeerId peer) {
    if (p.answers(request, peer)) {
      return Verdict.OK;
    }
    // It does not answer: find out how, in the order that names the failure best.
    if (!p.node().equals(peer)) {
      return Verdict.of(
          Outcome.BAD_SIGNATURE,
          "retrieval proof is signed by " + p.node() + ", not the peer asked");
    }
    if (!p.verifySignature()) {
      return Verdict.of(Outcome.BAD_SIGNATURE, "retrieval proof signature does not verify");
    }
    if (!p.cid().equals(request.cid())) {
      return Verdict.of(
          Outcome.REPLAYED, "retrieval proof is for " + p.cid() + ", not " + request.cid());
    }
    if (!p.requestNonce().constantTimeEquals(request.requestNonce())) {
      return Verdict.of(
          Outcome.REPLAYED, "retrieval proof answers another request (nonce differs)");
    }
    return Verdict.of(
        Outcome.BAD_PROOF, "retrieval proof vouches for bytes whose SHA-256 is not the CID's");
  }

  /**
   * An audit response, before its hash and time are judged: signed by {@code peer} and echoing the
   * challenge's CID, request nonce and challenge time ({@link AuditResponse#answers}).
   */
  public static Verdict auditResponse(AuditResponse r, AuditChallenge challenge, PeerId peer) {
    if (r.answers(challenge, peer)) {
      return Verdict.OK;
    }
    if (!r.node().equals(peer)) {
      return Verdict.of(
          Outcome.BAD_SIGNATURE,
          "audit response is signed by " + r.node() + ", not the peer asked");
    }
    if (!r.verifySignature()) {
      return Verdict.of(Outcome.BAD_SIGNATURE, "audit response signature does not verify");
    }
    if (!r.cid().equals(challenge.cid())) {
      return Verdict.of(
          Outcome.REPLAYED, "audit response is for " + r.cid() + ", not " + challenge.cid());
    }
    return Verdict.of(
        Outcome.REPLAYED,
        "audit response answers another challenge (request nonce or challenge time differ)");
  }
}
