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
 * A node's signed statement that it served these bytes for this CID in answer to this request.
 *
 * <p>Signing form (docs/protocol.md): {@code "cairn/retrieval-proof/v1" 00 || lp(node) || lp(cid)
 * || lp(sha256) || lp(requestNonce) || u64 timeMillis}.
 *
 * @param node the serving node, whose key signs
 * @param cid the shard asked for
 * @param sha256 SHA-256 of the bytes served (32 bytes)
 * @param requestNonce the request's nonce (16 bytes)
 * @param timeMillis when the node answered, Unix epoch milliseconds
 * @param signature the node's Ed25519 signature of {@link #signingBytes()}
 */
public record RetrievalProof(
    PeerId node, Cid cid, Bytes sha256, Bytes requestNonce, long timeMillis, Bytes signature) {
  /** Domain-separation tag of the signing form. */
  public static final String DOMAIN = "cairn/retrieval-proof/v1";

  public RetrievalProof {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(cid, "cid");
    Messages.checkLength(sha256, Protocols.SHA256_LENGTH, "RetrievalProof.sha256");
    Messages.checkNonce(requestNonce, "RetrievalProof.requestNonce");
    Messages.checkTime(timeMillis, "RetrievalProof.timeMillis");
    Messages.checkSignature(signature, "RetrievalProof.signature");
  }

  /** Signs a proof as the node whose private key is {@code nodeKey}. */
  public static RetrievalProof sign(
      Cid cid, Bytes sha256, Bytes requestNonce, long timeMillis, Ed25519.PrivateKey nodeKey) {
    PeerId node = PeerId.of(nodeKey.publicKey());
    Messages.checkLength(sha256, Protocols.SHA256_LENGTH, "RetrievalProof.sha256");
    Messages.checkNonce(requestNonce, "RetrievalProof.requestNonce");
    byte[] sig = nodeKey.sign(signingBytes(node, cid, sha256, requestNonce, timeMillis));
    return new RetrievalProof(node, cid, sha256, requestNonce, timeMillis, Bytes.wrap(sig));
  }

  /** The canonical bytes the signature covers. */
  public byte[] signingBytes() {
    return signingBytes(node, cid, sha256, requestNonce, timeMillis);
  }

  private static byte[] signingBytes(
      PeerId node, Cid cid, Bytes sha256, Bytes requestNonce, long timeMillis) {
    return Canonical.domain(DOMAIN)
        .bytes(node.toBytes())
        .bytes(cid.toBytes())
        .bytes(sha256)
        .bytes(requestNonce)
        .u64(timeMillis)
        .toByteArray();
  }

  /** Whether the signature is valid under the key of {@link #node()}. */
  public boolean verifySignature() {
    return Ed25519.verify(node.publicKey(), signingBytes(), signature.toArray());
  }

  /** Whether {@code expectedNode} signed this proof. */
  public boolean verify(PeerId expectedNode) {
    return node.equals(expectedNode) && verifySignature();
  }

  /**
   * Whether this proof answers {@code request} from {@code expectedNode}: same CID and nonce, the
   * CID's digest as {@link #sha256()}, and a valid signature. The caller still hashes the bytes it
   * received and compares them with {@link #sha256()}.
   */
  public boolean answers(RetrieveRequest request, PeerId expectedNode) {
    return cid.equals(request.cid())
        && requestNonce.constantTimeEquals(request.requestNonce())
        && sha256.constantTimeEquals(cid.digest())
        && verify(expectedNode);
  }

  public io.cairn.protocol.wire.RetrievalProof toProto() {
    return io.cairn.protocol.wire.RetrievalProof.newBuilder()
        .setNode(bs(node.toBytes()))
        .setCid(bs(cid.toBytes()))
        .setSha256(bs(sha256))
        .setRequestNonce(bs(requestNonce))
        .setTimeMillis(timeMillis)
        .setSignature(bs(signature))
        .build();
  }

  /**
   * Validates a decoded proof (lengths, ranges); does not check the signature.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static RetrievalProof fromProto(io.cairn.protocol.wire.RetrievalProof p)
      throws ProtocolException {
    PeerId node = Fields.peerId(p.getNode(), "RetrievalProof.node");
    Cid cid = Fields.cid(p.getCid(), "RetrievalProof.cid");
    Bytes sha = Fields.fixed(p.getSha256(), Protocols.SHA256_LENGTH, "RetrievalProof.sha256");
    Bytes nonce =
        Fields.fixed(p.getRequestNonce(), Protocols.NONCE_LENGTH, "RetrievalProof.request_nonce");
    Bytes sig =
        Fields.fixed(p.getSignature(), Protocols.SIGNATURE_LENGTH, "RetrievalProof.signature");
    long time = p.getTimeMillis();
    return Fields.build(
        "RetrievalProof", () -> new RetrievalProof(node, cid, sha, nonce, time, sig));
  }
}
