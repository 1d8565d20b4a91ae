/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.trace;

import io.cairn.client.placement.PlacementDecision;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.util.List;
import java.util.Objects;

/**
 * What the client did and why, for the CLI report and the dashboard (DESIGN.md, "Retrieve"): every
 * rejected or unavailable shard, every reconstruction; and from the engines, where each shard was
 * placed, every failed store or fetch attempt, every fallback that served, every audit outcome. A
 * family of records consumed by exhaustive switches.
 *
 * <p>Reasons and outcomes are text: the trace is for people and the dashboard. Typed outcomes are
 * in the engines' reports and listener observations.
 */
public sealed interface TraceEvent {
  /** Segment the event concerns. */
  long segment();

  /**
   * A shard's bytes were refused before use.
   *
   * @param source where they came from (a peer id, or a description)
   * @param reason what check failed, e.g. "CID mismatch"
   */
  record ShardRejected(long segment, int index, Cid cid, String source, String reason)
      implements TraceEvent {
    public ShardRejected {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** No good copy of a shard could be had; the segment goes on with the others. */
  record ShardUnavailable(long segment, int index, Cid cid, String reason) implements TraceEvent {
    public ShardUnavailable {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A segment was rebuilt with the erasure code because data shards were missing.
   *
   * @param missing the data shard indices that were rebuilt
   * @param used the k shard indices the rebuild used
   */
  record SegmentReconstructed(long segment, List<Integer> missing, List<Integer> used)
      implements TraceEvent {
    public SegmentReconstructed {
      missing = List.copyOf(missing);
      used = List.copyOf(used);
    }
  }

  /**
   * Where the placement plan put a shard (upload): the peers chosen, the fallbacks in order, and
   * the chosen and passed-over peers of the ranking with their reasons.
   */
  record ShardPlaced(
      long segment,
      int index,
      Cid cid,
      List<PeerId> replicas,
      List<PeerId> fallbacks,
      List<PlacementDecision> decisions)
      implements TraceEvent {
    public ShardPlaced {
      Objects.requireNonNull(cid, "cid");
      replicas = List.copyOf(replicas);
      fallbacks = List.copyOf(fallbacks);
      decisions = List.copyOf(decisions);
    }
  }

  /**
   * A store attempt failed (upload); the engine goes on with the shard's next candidate peer.
   *
   * @param attempt 1 for the first peer tried for this shard copy, then 2, 3, …
   * @param reason what failed: unreachable, timeout, refusal code, bad receipt and why
   */
  record StoreAttemptFailed(
      long segment, int index, Cid cid, PeerId peer, int attempt, String reason)
      implements TraceEvent {
    public StoreAttemptFailed {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A peer accepted a copy of a shard with a valid receipt (upload).
   *
   * @param attempt how many peers were tried for this copy, this one included
   * @param fallback whether the peer is a fallback rather than one the plan chose
   */
  record ShardStored(long segment, int index, Cid cid, PeerId peer, int attempt, boolean fallback)
      implements TraceEvent {
    public ShardStored {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
    }
  }

  /**
   * A copy that a failed upload had stored was deleted again (the node drops this client's claim),
   * or could not be, so that a failed upload leaves no shards behind to use up the nodes' quota.
   *
   * @param released whether the node confirmed the delete
   * @param detail why it could not be deleted, or empty
   */
  record ShardReleased(
      long segment, int index, Cid cid, PeerId peer, boolean released, String detail)
      implements TraceEvent {
    public ShardReleased {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Asking a peer for a shard failed before any bytes could be checked (retrieve): unreachable,
   * timeout, refusal, protocol error. Bytes or proofs that fail their checks are {@link
   * ShardRejected}, with the peer as the source.
   */
  record FetchAttemptFailed(
      long segment, int index, Cid cid, PeerId peer, int attempt, String reason)
      implements TraceEvent {
    public FetchAttemptFailed {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A shard was served, verified, by a peer other than the first one asked (retrieve). Shards the
   * first peer served are not traced.
   *
   * @param attempt how many peers were asked, this one included ({@code >= 2})
   * @param fromPlacement whether the peer is in the manifest's placement of the shard; {@code
   *     false} for a deterministic fallback (the shard's rendezvous ranking over the known peers)
   */
  record ShardFetched(
      long segment, int index, Cid cid, PeerId peer, int attempt, boolean fromPlacement)
      implements TraceEvent {
    public ShardFetched {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
    }
  }

  /**
   * The outcome of auditing one peer's copy of a shard.
   *
   * @param round the audit round challenged (its index in the shard's rounds)
   * @param outcome the audit engine's outcome name ({@code PASS}, {@code FAIL}, {@code STALE}, …)
   * @param detail what exactly failed; empty for a pass
   */
  record ShardAudited(
      long segment, int index, Cid cid, PeerId peer, int round, String outcome, String detail)
      implements TraceEvent {
    public ShardAudited {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
