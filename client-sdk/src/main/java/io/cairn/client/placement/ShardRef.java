/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.placement;

import io.cairn.protocol.Cid;
import java.util.Comparator;
import java.util.Objects;

/**
 * A shard to place: its CID and its position in the erasure-coded file. Two shards with the same
 * bytes share a CID but not a position, so the position is what tells them apart.
 *
 * @param cid the shard's CID
 * @param segment the segment number, {@code >= 0}
 * @param index the shard's index within its segment, {@code 0..}{@value #MAX_INDEX} (k + m is at
 *     most 256)
 */
public record ShardRef(Cid cid, int segment, int index) implements Comparable<ShardRef> {
  public static final int MAX_INDEX = 255;

  private static final Comparator<ShardRef> ORDER =
      Comparator.comparingInt(ShardRef::segment)
          .thenComparingInt(ShardRef::index)
          .thenComparing(ShardRef::cid);

  public ShardRef {
    Objects.requireNonNull(cid, "cid");
    if (segment < 0) {
      throw new IllegalArgumentException("shard segment must not be negative, got " + segment);
    }
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException(
          "shard index must be in 0.." + MAX_INDEX + ", got " + index);
    }
  }

  /** By segment, then index, then CID: the order of a plan. */
  @Override
  public int compareTo(ShardRef o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return cid + "(segment " + segment + ", index " + index + ")";
  }
}
