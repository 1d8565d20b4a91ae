/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

/** What auditing one node's copy of one shard showed. Only {@link #PASS} is a pass. */
public enum AuditOutcome {
  /** Signed by the node, answering this challenge, the expected hash, in time. */
  PASS,
  /** Signed and answering this challenge, with a wrong hash: the node does not hold the data. */
  FAIL,
  /**
   * Signed and answering this challenge, outside the freshness window: it arrived too late, or the
   * time it claims is too far from the challenge (see the result's {@code freshness}).
   */
  STALE,
  /** The signature does not verify, or another peer signed. */
  BAD_SIGNATURE,
  /** Validly signed by the node, but for another challenge: an earlier answer replayed. */
  REPLAYED,
  /** The node says it does not hold the shard. */
  NOT_FOUND,
  /** The node refused with another error code (see the result's {@code refusal}). */
  REFUSED,
  /** Reached, but no answer in the transport's time limit. */
  TIMEOUT,
  /** The node could not be reached. */
  UNREACHABLE,
  /** An answer that does not decode or is not an audit response. */
  PROTOCOL_ERROR
}
