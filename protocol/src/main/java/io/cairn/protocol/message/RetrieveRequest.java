/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.internal.Fields.bs;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.internal.Fields;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Asks a node for a shard.
 *
 * @param cid the shard
 * @param requestNonce 16 fresh random bytes, echoed in the signed {@link RetrievalProof}
 */
public record RetrieveRequest(Cid cid, Bytes requestNonce) implements RetrieveCall {
  public RetrieveRequest {
    Objects.requireNonNull(cid, "cid");
    Messages.checkNonce(requestNonce, "RetrieveRequest.requestNonce");
  }

  /** A request with a fresh nonce from {@code random}. */
  public static RetrieveRequest of(Cid cid, SecureRandom random) {
    byte[] nonce = new byte[Protocols.NONCE_LENGTH];
    random.nextBytes(nonce);
    return new RetrieveRequest(cid, Bytes.wrap(nonce));
  }

  public io.cairn.protocol.wire.RetrieveRequest toProto() {
    return io.cairn.protocol.wire.RetrieveRequest.newBuilder()
        .setCid(bs(cid.toBytes()))
        .setRequestNonce(bs(requestNonce))
        .build();
  }

  /**
   * Validates a decoded request.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static RetrieveRequest fromProto(io.cairn.protocol.wire.RetrieveRequest p)
      throws ProtocolException {
    return new RetrieveRequest(
        Fields.cid(p.getCid(), "RetrieveRequest.cid"),
        Fields.fixed(p.getRequestNonce(), Protocols.NONCE_LENGTH, "RetrieveRequest.request_nonce"));
  }
}
