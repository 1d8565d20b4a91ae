/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.placement;

import io.cairn.protocol.PeerId;
import java.util.Objects;
import java.util.Set;

/**
 * A snapshot of the rules a plan follows, typically built from the sentinel's current view.
 *
 * @param replicas copies of each shard, {@value #MIN_REPLICAS}..{@value #MAX_REPLICAS} (the
 *     manifest holds at most 64 peers per shard)
 * @param excluded peers never chosen and never listed as fallbacks (quarantined or disqualified)
 * @param deprioritised peers ranked after every other eligible peer (suspect); chosen only when the
 *     other peers cannot take the shard within the anti-affinity limit. A peer in both sets is
 *     excluded.
 * @param antiAffinity whether to spread the shards of one segment over distinct peers (see {@link
 *     Placement#plan})
 * @param maxFallbacks how many fallback peers each shard lists, {@code >= 0}; bounds the plan's
 *     size on a large network
 */
public record PlacementPolicy(
    int replicas,
    Set<PeerId> excluded,
    Set<PeerId> deprioritised,
    boolean antiAffinity,
    int maxFallbacks) {
  public static final int MIN_REPLICAS = 1;
  public static final int MAX_REPLICAS = 64;
  public static final int DEFAULT_MAX_FALLBACKS = 16;

  /** One replica, nobody excluded or deprioritised, anti-affinity on, 16 fallbacks. */
  public static final PlacementPolicy DEFAULT =
      new PlacementPolicy(1, Set.of(), Set.of(), true, DEFAULT_MAX_FALLBACKS);

  public PlacementPolicy {
    if (replicas < MIN_REPLICAS || replicas > MAX_REPLICAS) {
      throw new IllegalArgumentException(
          "replicas must be in " + MIN_REPLICAS + ".." + MAX_REPLICAS + ", got " + replicas);
    }
    excluded = Set.copyOf(Objects.requireNonNull(excluded, "excluded"));
    deprioritised = Set.copyOf(Objects.requireNonNull(deprioritised, "deprioritised"));
    if (maxFallbacks < 0) {
      throw new IllegalArgumentException("maxFallbacks must not be negative, got " + maxFallbacks);
    }
  }

  public PlacementPolicy withReplicas(int n) {
    return new PlacementPolicy(n, excluded, deprioritised, antiAffinity, maxFallbacks);
  }

  public PlacementPolicy withExcluded(Set<PeerId> peers) {
    return new PlacementPolicy(replicas, peers, deprioritised, antiAffinity, maxFallbacks);
  }

  public PlacementPolicy withDeprioritised(Set<PeerId> peers) {
    return new PlacementPolicy(replicas, excluded, peers, antiAffinity, maxFallbacks);
  }

  public PlacementPolicy withAntiAffinity(boolean on) {
    return new PlacementPolicy(replicas, excluded, deprioritised, on, maxFallbacks);
  }

  public PlacementPolicy withMaxFallbacks(int n) {
    return new PlacementPolicy(replicas, excluded, deprioritised, antiAffinity, n);
  }

  /** Whether the peer may hold shards at all under this policy. */
  public boolean eligible(PeerId peer) {
    return !excluded.contains(peer);
  }

  /** Whether the peer is eligible but ranked after the others. */
  public boolean isDeprioritised(PeerId peer) {
    return !excluded.contains(peer) && deprioritised.contains(peer);
  }
}
