/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing an engine saw a node do: the outcome of one store, retrieve or audit exchange. These
 * are the raw material of the sentinel's evidence; the CLI adapts them (the client SDK knows no
 * sentinel types).
 *
 * @param peer the node
 * @param operation the exchange
 * @param cid the shard concerned
 * @param outcome what happened
 * @param refusal the node's error code, present when {@code outcome} is {@link Outcome#REFUSED} or
 *     {@link Outcome#NOT_FOUND}
 * @param holder whether the node was supposed to hold the shard: for a retrieve or an audit, the
 *     manifest lists it in the shard's placement (so it signed a receipt); for a store, the
 *     placement plan chose it (rather than it being a fallback). A deterministic fallback that
 *     answers {@code NOT_FOUND} is not at fault.
 * @param atMillis when the exchange ended, on the engine's clock (epoch milliseconds)
 * @param latencyMillis how long the exchange took, {@code >= 0}
 * @param detail for people: what exactly failed; empty on success
 */
public record NodeObservation(
    PeerId peer,
    Operation operation,
    Cid cid,
    Outcome outcome,
    Optional<ErrorCode> refusal,
    boolean holder,
    long atMillis,
    long latencyMillis,
    String detail) {

  /** The exchange observed. */
  public enum Operation {
    STORE,
    RETRIEVE,
    AUDIT
  }

  /** What a node did, from the most ordinary to the most damning. */
  public enum Outcome {
    /** A valid, checked answer: receipt accepted, shard served and verified, audit passed. */
    OK,
    /** The node could not be reached. */
    UNREACHABLE,
    /** Reached, but no answer in time. */
    TIMEOUT,
    /** The node refused with an error code other than {@code NOT_FOUND} (quota, corrupt copy…). */
    REFUSED,
    /** The node said it does not hold the shard. */
    NOT_FOUND,
    /**
     * A malformed or inconsistent answer: undecodable, or a signed message about another shard,
     * size or client than the one asked.
     */
    PROTOCOL_ERROR,
    /** A signed message whose signature does not verify, or that another peer signed. */
    BAD_SIGNATURE,
    /** A validly signed answer to a different request (its nonce or challenge time differ). */
    REPLAYED,
    /** A retrieval proof that vouches for bytes other than the shard's (hash not the CID's). */
    BAD_PROOF,
    /** Served bytes that do not hash to the shard's CID, under a valid proof. */
    CORRUPT_DATA,
    /** An audit answered, signed, with a hash that is not the round's expected one. */
    WRONG_HASH,
    /** An audit answer that arrived after the freshness window. */
    STALE,
    /**
     * A signed time outside the window: an audit response claiming a time too far from the
     * challenge, or a receipt dated in the future.
     */
    BAD_TIME;

    /** Whether this outcome is cryptographic proof that the node gave false data. */
    public boolean proofOfMisbehaviour() {
      return this == CORRUPT_DATA || this == WRONG_HASH || this == BAD_PROOF;
    }
  }

  public NodeObservation {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(detail, "detail");
    if (refusal.isPresent() != (outcome == Outcome.REFUSED || outcome == Outcome.NOT_FOUND)) {
      throw new IllegalArgumentException(
          "a refusal code comes with REFUSED or NOT_FOUND and only with them, got " + outcome);
    }
    if (latencyMillis < 0) {
      throw new IllegalArgumentException(
          "latencyMillis must not be negative, got " + latencyMillis);
    }
  }
}
