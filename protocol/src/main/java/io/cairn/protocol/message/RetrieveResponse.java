/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import java.util.Objects;

/**
 * A node's positive answer to a {@link RetrieveRequest}. On the stream it is followed by exactly
 * {@code size} raw shard bytes, whose SHA-256 is {@code proof.sha256()}.
 *
 * @param proof the signed retrieval proof
 * @param size the number of bytes that follow
 */
public record RetrieveResponse(RetrievalProof proof, long size) implements RetrieveAnswer {
  public RetrieveResponse {
    Objects.requireNonNull(proof, "proof");
    Messages.checkSize(size, "RetrieveResponse.size");
  }

  public io.cairn.protocol.wire.RetrieveResponse toProto() {
    return io.cairn.protocol.wire.RetrieveResponse.newBuilder()
        .setProof(proof.toProto())
        .setSize(size)
        .build();
  }

  /**
   * Validates a decoded response; does not check the proof's signature.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static RetrieveResponse fromProto(io.cairn.protocol.wire.RetrieveResponse p)
      throws ProtocolException {
    if (!p.hasProof()) {
      throw Fields.malformed("RetrieveResponse.proof is missing");
    }
    RetrievalProof proof = RetrievalProof.fromProto(p.getProof());
    long size = p.getSize();
    return Fields.build("RetrieveResponse", () -> new RetrieveResponse(proof, size));
  }
}
