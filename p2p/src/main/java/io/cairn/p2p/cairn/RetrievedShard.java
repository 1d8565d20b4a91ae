/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.cairn;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.message.RetrievalProof;
import java.util.Objects;

/**
 * A shard as {@link CairnClient#retrieve} returns it: checked against its CID, with the node's
 * signed proof that it served these bytes for this request.
 *
 * @param proof the node's retrieval proof, already checked to answer the request
 * @param data the shard bytes, already checked to hash to the CID
 */
public record RetrievedShard(RetrievalProof proof, Bytes data) {
  public RetrievedShard {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(data, "data");
  }
}
