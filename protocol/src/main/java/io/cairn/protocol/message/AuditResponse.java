/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.internal.Fields.bs;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.internal.Canonical;
import io.cairn.protocol.message.internal.Fields;
import java.util.Objects;

/**
 * A node's signed answer to an audit challenge.
 *
 * <p>Signing form (docs/protocol.md): {@code "cairn/audit-response/v1" 00 || lp(node) || lp(cid) ||
 * lp(hash) || lp(requestNonce) || u64 challengeTimeMillis || u64 responseTimeMillis}.
 *
 * @param node the audited node, whose key signs
 * @param cid the shard audited
 * @param hash SHA-256(round nonce || sampled blocks), 32 bytes
 * @param requestNonce the challenge's request nonce (16 bytes)
 * @param challengeTimeMillis the challenge's time, copied
 * @param responseTimeMillis when the node answered, Unix epoch milliseconds
 * @param signature the node's Ed25519 signature of {@link #signingBytes()}
 */
public record AuditResponse(
    PeerId node,
    Cid cid,
    Bytes hash,
    Bytes requestNonce,
    long challengeTimeMillis,
    long responseTimeMillis,
    Bytes signature)
    implements AuditAnswer {
  /** Domain-separation tag of the signing form. */
  public static final String DOMAIN = "cairn/audit-response/v1";

  public AuditResponse {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(cid, "cid");
    Messages.checkLength(hash, Protocols.SHA256_LENGTH, "AuditResponse.hash");
    Messages.checkNonce(requestNonce, "AuditResponse.requestNonce");
    Messages.checkTime(challengeTimeMillis, "AuditResponse.challengeTimeMillis");
    Messages.checkTime(responseTimeMillis, "AuditResponse.responseTimeMillis");
    Messages.checkSignature(signature, "AuditResponse.signature");
  }

  /** Signs the answer to {@code challenge} as the node whose private key is {@code nodeKey}. */
  public static AuditResponse sign(
      AuditChallenge challenge, Bytes hash, long responseTimeMillis, Ed25519.PrivateKey nodeKey) {
    PeerId node = PeerId.of(nodeKey.publicKey());
    Messages.checkLength(hash, Protocols.SHA256_LENGTH, "AuditResponse.hash");
    byte[] sig =
        nodeKey.sign(
            signingBytes(
                node,
                challenge.cid(),
                hash,
                challenge.requestNonce(),
                challenge.challengeTimeMillis(),
                responseTimeMillis));
    return new AuditResponse(
        node,
        challenge.cid(),
        hash,
        challenge.requestNonce(),
        challenge.challengeTimeMillis(),
        responseTimeMillis,
        Bytes.wrap(sig));
  }

  /** The canonical bytes the signature covers. */
  public byte[] signingBytes() {
    return signingBytes(node, cid, hash, requestNonce, challengeTimeMillis, responseTimeMillis);
  }

  private static byte[] signingBytes(
      PeerId node,
      Cid cid,
      Bytes hash,
      Bytes requestNonce,
      long challengeTimeMillis,
      long responseTimeMillis) {
    return Canonical.domain(DOMAIN)
        .bytes(node.toBytes())
        .bytes(cid.toBytes())
        .bytes(hash)
        .bytes(requestNonce)
        .u64(challengeTimeMillis)
        .u64(responseTimeMillis)
        .toByteArray();
  }

  /** Whether the signature is valid under the key of {@link #node()}. */
  public boolean verifySignature() {
    return Ed25519.verify(node.publicKey(), signingBytes(), signature.toArray());
  }

  /** Whether {@code expectedNode} signed this response. */
  public boolean verify(PeerId expectedNode) {
    return node.equals(expectedNode) && verifySignature();
  }

  /**
   * Whether this response answers {@code challenge} from {@code expectedNode}: same CID, request
   * nonce and challenge time, and a valid signature. The caller still compares {@link #hash()} with
   * its audit vector and checks freshness.
   */
  public boolean answers(AuditChallenge challenge, PeerId expectedNode) {
    return cid.equals(challenge.cid())
        && requestNonce.constantTimeEquals(challenge.requestNonce())
        && challengeTimeMillis == challenge.challengeTimeMillis()
        && verify(expectedNode);
  }

  public io.cairn.protocol.wire.AuditResponse toProto() {
    return io.cairn.protocol.wire.AuditResponse.newBuilder()
        .setNode(bs(node.toBytes()))
        .setCid(bs(cid.toBytes()))
        .setHash(bs(hash))
        .setRequestNonce(bs(requestNonce))
        .setChallengeTimeMillis(challengeTimeMillis)
        .setResponseTimeMillis(responseTimeMillis)
        .setSignature(bs(signature))
        .build();
  }

  /**
   * Validates a decoded response (lengths, ranges); does not check the signature.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static AuditResponse fromProto(io.cairn.protocol.wire.AuditResponse p)
      throws ProtocolException {
    PeerId node = Fields.peerId(p.getNode(), "AuditResponse.node");
    Cid cid = Fields.cid(p.getCid(), "AuditResponse.cid");
    Bytes hash = Fields.fixed(p.getHash(), Protocols.SHA256_LENGTH, "AuditResponse.hash");
    Bytes nonce =
        Fields.fixed(p.getRequestNonce(), Protocols.NONCE_LENGTH, "AuditResponse.request_nonce");
    Bytes sig =
        Fields.fixed(p.getSignature(), Protocols.SIGNATURE_LENGTH, "AuditResponse.signature");
    long ct = p.getChallengeTimeMillis();
    long rt = p.getResponseTimeMillis();
    return Fields.build(
        "AuditResponse", () -> new AuditResponse(node, cid, hash, nonce, ct, rt, sig));
  }
}
