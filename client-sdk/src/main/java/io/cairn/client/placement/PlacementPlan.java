/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.placement;

import io.cairn.protocol.PeerId;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The placement of a set of shards: one {@link ShardPlacement} per shard, ordered by segment, then
 * index. Equal inputs give equal plans ({@code equals} compares content).
 *
 * @param shards the per-shard placements, sorted by {@link ShardRef} order, positions unique
 */
public record PlacementPlan(List<ShardPlacement> shards) {
  public PlacementPlan {
    shards = List.copyOf(shards);
    for (int i = 1; i < shards.size(); i++) {
      ShardRef prev = shards.get(i - 1).shard();
      ShardRef cur = shards.get(i).shard();
      if (prev.segment() > cur.segment()
          || (prev.segment() == cur.segment() && prev.index() >= cur.index())) {
        throw new IllegalArgumentException(
            "plan shards must be sorted by segment and index, unique: " + prev + " then " + cur);
      }
    }
  }

  /** The placement of a shard, found by its position (segment and index) and CID. */
  public Optional<ShardPlacement> find(ShardRef shard) {
    int at =
        Collections.binarySearch(
            new AbstractList<ShardRef>() {
              @Override
              public ShardRef get(int i) {
                return shards.get(i).shard();
              }

              @Override
              public int size() {
                return shards.size();
              }
            },
            shard);
    return at >= 0 ? Optional.of(shards.get(at)) : Optional.empty();
  }

  /** Whether every shard got all the replicas the policy asked for. */
  public boolean complete() {
    return shards.stream().allMatch(ShardPlacement::complete);
  }

  /** How many shard copies each chosen peer receives, ordered by peer id. */
  public Map<PeerId, Integer> load() {
    Map<PeerId, Integer> load = new TreeMap<>();
    for (ShardPlacement s : shards) {
      for (PeerId p : s.replicas()) {
        load.merge(p, 1, Integer::sum);
      }
    }
    return Collections.unmodifiableMap(load);
  }

  /** The plan's trace, one block of lines per shard. */
  public String explain() {
    List<String> parts = new ArrayList<>(shards.size());
    for (ShardPlacement s : shards) {
      parts.add(s.explain());
    }
    return String.join("", parts);
  }
}
