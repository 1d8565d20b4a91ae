/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine.internal;

import io.cairn.client.placement.PlacementPlan;
import io.cairn.client.placement.ShardPlacement;
import io.cairn.protocol.PeerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The copies of one segment's shards and the peers holding or trying them, so that a failed copy
 * falls back to the peer that keeps the segment best spread: among the shard's untried fallbacks,
 * first peers that have not failed during the upload, then the fewest copies of this segment, then
 * the plan's fallback order.
 */
final class SegmentSlots {
  private final List<ShardPlacement> shards;
  private final Map<PeerId, Integer> load = new HashMap<>();
  private final List<Set<PeerId>> tried = new ArrayList<>();
  private final Set<PeerId> suspects;

  /**
   * @param suspects peers that failed during this upload (read live, may change meanwhile)
   */
  SegmentSlots(PlacementPlan plan, Set<PeerId> suspects) {
    this.shards = plan.shards();
    this.suspects = suspects;
    for (ShardPlacement s : shards) {
      for (PeerId p : s.replicas()) {
        load.merge(p, 1, Integer::sum);
      }
      tried.add(new HashSet<>(s.replicas()));
    }
  }

  /** The placement of the segment's shard at position {@code i} of the plan. */
  ShardPlacement shard(int i) {
    return shards.get(i);
  }

  /** A copy on {@code peer} failed: it no longer counts towards the peer's load. */
  synchronized void failed(PeerId peer) {
    load.merge(peer, -1, Integer::sum);
  }

  /** The next peer to try for shard {@code i}, claimed; {@code null} when none is left. */
  synchronized PeerId next(int i) {
    Set<PeerId> done = tried.get(i);
    PeerId best = null;
    for (PeerId p : shards.get(i).fallbacks()) {
      if (done.contains(p)) {
        continue;
      }
      if (best == null || better(p, best)) {
        best = p;
      }
    }
    if (best != null) {
      done.add(best);
      load.merge(best, 1, Integer::sum);
    }
    return best;
  }

  private boolean better(PeerId candidate, PeerId best) {
    boolean cs = suspects.contains(candidate);
    boolean bs = suspects.contains(best);
    if (cs != bs) {
      return !cs;
    }
    // Same standing: fewer copies of this segment; ties keep the earlier fallback.
    return load.getOrDefault(candidate, 0) < load.getOrDefault(best, 0);
  }
}
