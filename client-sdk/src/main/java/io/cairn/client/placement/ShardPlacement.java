/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.placement;

import io.cairn.protocol.PeerId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where one shard goes.
 *
 * @param shard the shard
 * @param replicas the chosen peers, in choice order (first replica first); distinct
 * @param fallbacks the next peers to try, in order, none of them chosen or excluded: first the rest
 *     of the ranking's healthy peers, then its deprioritised ones, at most the policy's {@code
 *     maxFallbacks}
 * @param shortfall how many replicas are missing because there were fewer eligible peers than the
 *     policy asks for; 0 when the shard is fully placed
 * @param trace the chosen peers and the peers ranked above them that were passed over, by rank
 */
public record ShardPlacement(
    ShardRef shard,
    List<PeerId> replicas,
    List<PeerId> fallbacks,
    int shortfall,
    List<PlacementDecision> trace) {
  public ShardPlacement {
    Objects.requireNonNull(shard, "shard");
    replicas = List.copyOf(replicas);
    fallbacks = List.copyOf(fallbacks);
    trace = List.copyOf(trace);
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("a placed shard needs at least one peer");
    }
    if (shortfall < 0) {
      throw new IllegalArgumentException("shortfall must not be negative, got " + shortfall);
    }
    Set<PeerId> seen = new HashSet<>();
    for (PeerId p : replicas) {
      if (!seen.add(p)) {
        throw new IllegalArgumentException("peer " + p + " chosen twice for " + shard);
      }
    }
    for (PeerId p : fallbacks) {
      if (!seen.add(p)) {
        throw new IllegalArgumentException("peer " + p + " listed twice for " + shard);
      }
    }
  }

  /** Whether every replica the policy asked for is placed. */
  public boolean complete() {
    return shortfall == 0;
  }

  /** The peers to try in order: replicas, then fallbacks. */
  public List<PeerId> candidates() {
    return Stream.concat(replicas.stream(), fallbacks.stream()).toList();
  }

  /** A few human-readable lines: the shard, each trace decision, the fallbacks. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append(shard).append('\n');
    for (PlacementDecision d : trace) {
      sb.append("  ").append(d.explain()).append('\n');
    }
    if (shortfall > 0) {
      sb.append("  short of ")
          .append(shortfall)
          .append(shortfall == 1 ? " replica" : " replicas")
          .append(": not enough eligible peers\n");
    }
    sb.append("  fallbacks:");
    if (fallbacks.isEmpty()) {
      sb.append(" none");
    }
    for (PeerId p : fallbacks) {
      sb.append(' ').append(p);
    }
    return sb.append('\n').toString();
  }
}
