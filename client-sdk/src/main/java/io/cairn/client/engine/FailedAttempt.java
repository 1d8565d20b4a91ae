/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import java.util.Objects;
import java.util.Optional;

/**
 * One exchange with a node that did not give a usable answer, as the upload and retrieve reports
 * list them.
 *
 * @param segment the shard's segment
 * @param index the shard's index in its segment
 * @param cid the shard
 * @param peer the node asked
 * @param outcome why it failed (never {@link NodeObservation.Outcome#OK})
 * @param refusal the node's error code, if it refused
 * @param detail for people
 */
public record FailedAttempt(
    long segment,
    int index,
    Cid cid,
    PeerId peer,
    NodeObservation.Outcome outcome,
    Optional<ErrorCode> refusal,
    String detail) {
  public FailedAttempt {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(detail, "detail");
    if (outcome == NodeObservation.Outcome.OK) {
      throw new IllegalArgumentException("a failed attempt cannot have outcome OK");
    }
  }

  /** One line: {@code peer: OUTCOME (detail)}. */
  public String explain() {
    return peer + ": " + outcome + refusal.map(c -> " " + c).orElse("") + " (" + detail + ")";
  }
}
