/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.util.Objects;

/** What {@link RetrieveService#retrieve} decided. */
public sealed interface RetrieveOutcome {
  Cid cid();

  /**
   * The checked bytes, and the fields of the retrieval proof the handler signs with the node's
   * identity key (DESIGN.md, "Retrieve").
   *
   * @param node this node
   * @param cid the shard
   * @param data its bytes, checked against the CID just now
   * @param sha256 SHA-256 of {@code data} (the CID's digest)
   * @param requestNonce the request's nonce, echoed
   * @param timeMillis the node's clock when it served the shard
   */
  record Served(PeerId node, Cid cid, Bytes data, Bytes sha256, Bytes requestNonce, long timeMillis)
      implements RetrieveOutcome {
    public Served {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(requestNonce, "requestNonce");
    }
  }

  /** This node does not hold the shard. */
  record NotFound(Cid cid) implements RetrieveOutcome {}

  /** The stored copy failed its check and was quarantined; nothing is served. */
  record Corrupt(Cid cid, String reason) implements RetrieveOutcome {}
}
