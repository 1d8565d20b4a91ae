/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.protocol.Cid;
import io.cairn.protocol.message.AuditAnswer;
import io.cairn.protocol.message.AuditResponse;
import java.util.Objects;

/**
 * What {@link AuditResponder#respond} decided. Only {@link Answered} is a proof; every other case
 * is a refusal. {@link #answer()} is what goes on the wire either way.
 */
public sealed interface AuditOutcome {
  Cid cid();

  /** Label for metrics and logs. */
  String label();

  /** The signed response, or the error reply for a refusal. */
  default AuditAnswer answer() {
    return this instanceof Answered a ? a.response() : Replies.audit(this);
  }

  /** The signed answer. */
  record Answered(AuditResponse response) implements AuditOutcome {
    public Answered {
      Objects.requireNonNull(response, "response");
    }

    @Override
    public Cid cid() {
      return response.cid();
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
   * @param windowMillis the largest distance the node accepts
   */
  record Stale(Cid cid, long skewMillis, long windowMillis) implements AuditOutcome {
    @Override
    public String label() {
      return "stale";
    }
  }

  /** The challenge's sampling parameters are outside what the sampler supports. */
  record Invalid(Cid cid, String message) implements AuditOutcome {
    @Override
    public String label() {
      return "invalid";
    }
  }
}
