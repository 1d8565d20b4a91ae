/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.audit;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.util.Objects;

/**
 * What {@link AuditResponder#respond} decided. Only {@link Answered} is a proof; every other case
 * is a refusal the handler reports with its reason.
 */
public sealed interface AuditOutcome {
  Cid cid();

  /** Label for metrics and logs. */
  String label();

  /**
   * The answer's fields, ready to be signed with the node's identity key into the protocol's signed
   * audit response.
   *
   * @param node this node
   * @param cid the audited shard
   * @param hash SHA-256(round nonce ‖ sampled blocks), 32 bytes
   * @param requestNonce the challenge's request nonce, echoed
   * @param challengeTimeMillis the challenge's time, echoed
   * @param responseTimeMillis the node's clock when it answered
   */
  record Answered(
      PeerId node,
      Cid cid,
      Bytes hash,
      Bytes requestNonce,
      long challengeTimeMillis,
      long responseTimeMillis)
      implements AuditOutcome {
    public Answered {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(requestNonce, "requestNonce");
    }

    @Override
    public String label() {
      return "answered";
    }
  }

  /** The node does not hold the shard. */
  record Missing(Cid cid) implements AuditOutcome {
    @Override
    public String label() {
      return "missing";
    }
  }

  /** The node held the shard but its bytes failed their check; it was quarantined. */
  record Corrupt(Cid cid, String reason) implements AuditOutcome {
    @Override
    public String label() {
      return "corrupt";
    }
  }

  /** This round of this shard was answered before: refused, durably, across restarts. */
  record Replayed(Cid cid) implements AuditOutcome {
    @Override
    public String label() {
      return "replayed";
    }
  }

  /**
   * The challenge's time is further than the window from the node's clock.
   *
   * @param skewMillis challenge time minus node time (negative: the challenge is old)
   */
  record Stale(Cid cid, long skewMillis) implements AuditOutcome {
    @Override
    public String label() {
      return "stale";
    }
  }

  /** The challenge's parameters are out of bounds; {@code message} names the field. */
  record Invalid(Cid cid, String message) implements AuditOutcome {
    @Override
    public String label() {
      return "invalid";
    }
  }
}
