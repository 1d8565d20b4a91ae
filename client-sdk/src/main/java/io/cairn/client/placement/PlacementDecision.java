/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.placement;

import io.cairn.protocol.PeerId;
import java.util.Objects;

/**
 * One line of a shard's placement trace: a peer that was chosen, or that ranked above a chosen peer
 * and was passed over, and why. The dashboard and the CLI trace show these as they are.
 *
 * @param peer the peer
 * @param rank the peer's 1-based position in the shard's rendezvous ranking of all known peers
 * @param reason what happened to it
 * @param segmentLoad how many shard copies of the same segment the peer already held when the
 *     decision was taken
 */
public record PlacementDecision(PeerId peer, int rank, Reason reason, int segmentLoad) {
  /** What happened to a peer in a shard's placement. */
  public enum Reason {
    /** Chosen: the best-ranked healthy peer within the segment limit. */
    CHOSEN,
    /** Chosen although deprioritised, because no healthy peer was within the segment limit. */
    CHOSEN_DEPRIORITISED,
    /** Chosen above the segment limit: every eligible peer was at it (replicas > 1 corner). */
    CHOSEN_OVER_LIMIT,
    /** Passed over: the policy excludes it. */
    SKIPPED_EXCLUDED,
    /** Passed over: it already holds its share of this segment's shards (anti-affinity). */
    SKIPPED_ANTI_AFFINITY,
    /** Passed over: deprioritised, and a healthy peer was available. */
    SKIPPED_DEPRIORITISED;

    public boolean chosen() {
      return this == CHOSEN || this == CHOSEN_DEPRIORITISED || this == CHOSEN_OVER_LIMIT;
    }
  }

  public PlacementDecision {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(reason, "reason");
    if (rank < 1) {
      throw new IllegalArgumentException("rank is 1-based, got " + rank);
    }
    if (segmentLoad < 0) {
      throw new IllegalArgumentException("segmentLoad must not be negative, got " + segmentLoad);
    }
  }

  /** One human-readable line, e.g. {@code #2 12D3KooW… skipped: excluded by policy}. */
  public String explain() {
    String why =
        switch (reason) {
          case CHOSEN -> "chosen";
          case CHOSEN_DEPRIORITISED -> "chosen although deprioritised (no healthy peer left)";
          case CHOSEN_OVER_LIMIT ->
              "chosen over the segment limit (holds " + segmentLoad + " of this segment already)";
          case SKIPPED_EXCLUDED -> "skipped: excluded by policy";
          case SKIPPED_ANTI_AFFINITY ->
              "skipped: anti-affinity (holds " + segmentLoad + " of this segment already)";
          case SKIPPED_DEPRIORITISED -> "skipped: deprioritised";
        };
    return "#" + rank + " " + peer + " " + why;
  }
}
